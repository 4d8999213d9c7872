using Measure.Contracts;
using Measure.Storage;
using Measure.Storage.Queries;

namespace Measure.Server.Tests.Components;

/// <summary>Result rows as the query returns them, built in memory for figure and table tests.</summary>
internal static class TestRows
{
    public static readonly MetricDeclaration Latency = new("latency", "ms", MetricDirection.LowerIsBetter, MetricAggregation.Median);
    public static readonly MetricDeclaration Accuracy = new("top1_agreement", "ratio", MetricDirection.HigherIsBetter, MetricAggregation.Last);
    public static readonly MetricDeclaration Bandwidth = new("weight_bandwidth", "GB/s", MetricDirection.HigherIsBetter, MetricAggregation.Median);
    public static readonly MetricDeclaration Throughput = new("throughput", "GOP/s", MetricDirection.HigherIsBetter, MetricAggregation.Median);

    public static ResultRow Row(
        string device = "pi5", string precision = "f32", double? latency = 10, double? accuracy = null, DateTime? at = null,
        string workload = "gemv", string? key = null, double? bandwidth = null, double? throughput = null, DeviceLimits? limits = null, int threads = 1)
    {
        var summaries = new List<MetricSummary>();
        if (latency is { } l)
            summaries.Add(new MetricSummary("latency", 10, Median: l, P90: l * 1.1, P99: l * 1.2, Mean: l, Min: l * 0.9, Max: l * 1.3));
        if (accuracy is { } a)
            summaries.Add(new MetricSummary("top1_agreement", 1, Value: a));
        if (bandwidth is { } b)
            summaries.Add(new MetricSummary("weight_bandwidth", 1, Value: b));
        if (throughput is { } t)
            summaries.Add(new MetricSummary("throughput", 1, Value: t));
        return new ResultRow(Guid.NewGuid(), at ?? new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), device.GetHashCode(), device, "quick", workload, precision, threads,
            key ?? $"{workload}/{precision}/{device}", summaries, [Latency, Accuracy, Bandwidth, Throughput], limits);
    }
}
