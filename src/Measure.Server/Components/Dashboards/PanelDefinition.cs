using Measure.Storage.Queries;

namespace Measure.Server.Components.Dashboards;

/// <summary>
/// One panel of a dashboard, as declared in its file. Which metrics a kind uses: Table reads
/// <see cref="Columns"/>; Scatter reads <see cref="X"/> and <see cref="Y"/>; Bar and Trend read <see cref="Metric"/>;
/// Roofline reads <see cref="X"/> (traffic, e.g. GB/s) and <see cref="Y"/> (performance, e.g. GOP/s).
/// </summary>
public sealed record PanelDefinition(
    PanelKind Kind,
    string Title,
    ResultFilter Filter,
    PanelGrouping Group,
    IReadOnlyList<MetricReference> Columns,
    MetricReference? X = null,
    MetricReference? Y = null,
    MetricReference? Metric = null,
    bool Frontier = false,
    int Limit = PanelDefinition.DefaultLimit,
    string? Description = null)
{
    /// <summary>Results of at most this many newest matching runs: enough for every setup of a lab, bounded so a page stays fast.</summary>
    public const int DefaultLimit = 1000;
}
