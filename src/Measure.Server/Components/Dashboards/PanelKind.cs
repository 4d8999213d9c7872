namespace Measure.Server.Components.Dashboards;

/// <summary>What a panel draws. The YAML spelling is the lower-case name.</summary>
public enum PanelKind
{
    /// <summary>Latest result per workload, precision and device; one column per metric.</summary>
    Table,

    /// <summary>One metric against another per result, grouped; optionally its Pareto frontier.</summary>
    Scatter,

    /// <summary>Each result's performance against its device's probed bandwidth and compute ceilings.</summary>
    Roofline,

    /// <summary>One metric of the latest result per group.</summary>
    Bar,

    /// <summary>One metric over time per comparability key, with change points marked.</summary>
    Trend,
}
