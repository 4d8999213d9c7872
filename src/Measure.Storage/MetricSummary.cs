namespace Measure.Storage;

/// <summary>
/// One metric of one workload result, summarised at ingest so tables and trends never decode raw samples:
/// quantiles for a sampled metric, the value (or why it is unavailable) for a single-valued one.
/// </summary>
public sealed record MetricSummary(
    string Metric,
    int Count,
    double? Median = null,
    double? P90 = null,
    double? P99 = null,
    double? Mean = null,
    double? Min = null,
    double? Max = null,
    double? Value = null,
    string? Unavailable = null,
    string? Source = null,
    double? RelativeUncertainty = null)
{
    /// <summary>The figure a table shows: the median of samples, else the single value.</summary>
    public double? Headline => Median ?? Value;
}
