namespace Measure.Server.Components.Dashboards;

/// <summary>How a panel splits results into series (legend entries).</summary>
public enum PanelGrouping
{
    Device,
    Precision,
    Workload,
    Suite,
}
