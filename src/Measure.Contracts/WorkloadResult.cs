namespace Measure.Contracts;

/// <summary>
/// One workload of a suite on one precision and thread count: all raw samples, the aggregate values
/// and the flags raised while it ran.
/// </summary>
public sealed record WorkloadResult(
    string Workload,
    string Precision,
    string Isa,
    int Threads,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<SampleSeries> Samples,
    IReadOnlyList<MetricValue>? Values = null,
    IReadOnlyList<string>? Flags = null);

/// <summary>Every raw sample of one metric, in the order measured (e.g. per-iteration latency).</summary>
public sealed record SampleSeries(string Metric, IReadOnlyList<double> Values);

/// <summary>
/// A single figure (throughput, accuracy, energy). <see cref="Value"/> is null when the figure is
/// unavailable, and <see cref="Unavailable"/> says why: never a silent zero.
/// </summary>
public sealed record MetricValue(
    string Metric,
    double? Value,
    string? Unavailable = null,
    string? Source = null,
    double? RelativeUncertainty = null);
