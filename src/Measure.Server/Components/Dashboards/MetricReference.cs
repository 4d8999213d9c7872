using Measure.Storage;
using Measure.Storage.Queries;

namespace Measure.Server.Components.Dashboards;

/// <summary>
/// A metric a panel reads: the first of <see cref="Names"/> a result carries (so "J/token or J/image" is one
/// column), and which statistic of its summary. Unit and direction come from the run's declaration.
/// </summary>
public sealed record MetricReference(IReadOnlyList<string> Names, MetricStatistic Statistic = MetricStatistic.Headline, string? Label = null)
{
    public static MetricReference Of(string name, MetricStatistic statistic = MetricStatistic.Headline) => new([name], statistic);

    public string Title => Label ?? (Statistic == MetricStatistic.Headline ? string.Join(" / ", Names) : $"{string.Join(" / ", Names)} {Statistic.ToString().ToLowerInvariant()}");

    /// <summary>The summary this reference picks from a result, or null when the result has none of the names.</summary>
    public MetricSummary? Find(ResultRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        foreach (var name in Names)
        {
            if (row.Summary(name) is { } summary)
                return summary;
        }
        return null;
    }

    /// <summary>The chosen statistic, or null when the metric is missing or unavailable in this result.</summary>
    public double? ValueIn(ResultRow row) => Find(row) is { } summary ? Pick(summary) : null;

    public double? Pick(MetricSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Statistic switch
        {
            MetricStatistic.Median => summary.Median ?? summary.Value,
            MetricStatistic.P90 => summary.P90,
            MetricStatistic.P99 => summary.P99,
            MetricStatistic.Mean => summary.Mean ?? summary.Value,
            MetricStatistic.Min => summary.Min ?? summary.Value,
            MetricStatistic.Max => summary.Max ?? summary.Value,
            _ => summary.Headline,
        };
    }
}
