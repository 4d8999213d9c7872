using Measure.Agent.Reporting;
using Measure.Contracts;
using Measure.Workloads.Llm.Benchmark;

namespace Measure.Agent.Running.Vision;

/// <summary>Turns the timed batches of one vision workload into its report entry: every raw sample and the declared figures.</summary>
public static class VisionResultBuilder
{
    /// <param name="operationsPerImage">Arithmetic operations of one image (2 per multiply-accumulate).</param>
    /// <param name="extra">Accuracy figures (measured or unavailable with a reason).</param>
    public static WorkloadResult Build(
        VisionWorkloadSpec spec, string isa, IReadOnlyDictionary<string, string> parameters, VisionRunLoop.Outcome outcome,
        long weightBytes, double operationsPerImage, long peakResidentBytes, IReadOnlyList<MetricValue> extra)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(extra);
        var images = outcome.ImageLatenciesMs;
        var sorted = images.Order().ToArray();
        var p50 = LlmBenchmark.Percentile(sorted, 0.50);
        var pooled = $"{sorted.Length} image latencies pooled";
        var perBatch = outcome.BatchLatenciesMs.Select(ms => spec.Batch / (ms / 1000.0)).Order().ToArray();
        var values = new List<MetricValue>
        {
            new(VisionMetrics.ImagesPerSecond.Name, LlmBenchmark.Percentile(perBatch, 0.50), Source: $"batch of {spec.Batch} / batch wall time, median of {perBatch.Length} batches"),
            new(VisionMetrics.ImageLatencyP50.Name, p50, Source: pooled),
            new(VisionMetrics.ImageLatencyP90.Name, LlmBenchmark.Percentile(sorted, 0.90), Source: pooled),
            new(VisionMetrics.ImageLatencyP99.Name, LlmBenchmark.Percentile(sorted, 0.99), Source: pooled),
            new(LlmMetrics.PeakResidentMemory.Name, peakResidentBytes, Source: "VmHWM of the agent process after the timed batches"),
            new(VisionMetrics.WeightBytes.Name, weightBytes, Source: $"{spec.ModelName} in {spec.PrecisionName}"),
            new(StandardMetrics.Throughput.Name, operationsPerImage / (p50 / 1000.0) / 1e9, Source: "2 × convolution multiply-accumulates per image / median image latency"),
        };
        values.AddRange(extra);
        return new WorkloadResult(
            spec.Kind,
            spec.PrecisionName,
            isa,
            spec.Threads,
            parameters,
            [
                new SampleSeries(VisionMetrics.ImageLatency.Name, images),
                new SampleSeries(VisionMetrics.BatchLatency.Name, outcome.BatchLatenciesMs),
            ],
            values);
    }
}
