using System.Globalization;
using Measure.Agent.Reporting;
using Measure.Contracts;
using Measure.Workloads.Llm.Benchmark;

namespace Measure.Agent.Running.Llm;

/// <summary>Turns the measured runs of one LLM workload into its report entry: every raw sample and the declared figures.</summary>
public static class LlmResultBuilder
{
    /// <param name="operationsPerToken">Arithmetic operations of one decoded token (2 per weight of every matrix multiplied).</param>
    /// <param name="extra">Accuracy and perplexity figures (measured or unavailable with a reason).</param>
    public static WorkloadResult Build(
        LlmWorkloadSpec spec, string isa, IReadOnlyDictionary<string, string> parameters, LlmRunLoop.Outcome outcome,
        long weightBytesPerToken, double operationsPerToken, DeviceLimits? limits, IReadOnlyList<MetricValue> extra)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(extra);
        var latencies = outcome.TokenLatenciesMs;
        var sorted = latencies.Order().ToArray();
        var decode = Median(outcome.Runs.Select(r => r.DecodeTokensPerSecond));
        var bandwidth = decode * weightBytesPerToken / 1e9;
        var values = new List<MetricValue>
        {
            new(LlmMetrics.PrefillTokensPerSecond.Name, Median(outcome.Runs.Select(r => r.PrefillTokensPerSecond)), Source: "prompt tokens / time to first token, median of runs"),
            new(LlmMetrics.DecodeTokensPerSecond.Name, decode, Source: "decoded tokens / decode time, median of runs"),
            new(LlmMetrics.InterTokenP50.Name, LlmBenchmark.Percentile(sorted, 0.50), Source: $"{sorted.Length} token latencies pooled"),
            new(LlmMetrics.InterTokenP90.Name, LlmBenchmark.Percentile(sorted, 0.90), Source: $"{sorted.Length} token latencies pooled"),
            new(LlmMetrics.InterTokenP99.Name, LlmBenchmark.Percentile(sorted, 0.99), Source: $"{sorted.Length} token latencies pooled"),
            new(LlmMetrics.PeakResidentMemory.Name, outcome.PeakResidentBytes, Source: "VmHWM of the agent process"),
            new(LlmMetrics.WeightBytesPerToken.Name, weightBytesPerToken, Source: "block matrices + norms + output matrix + one embedding row"),
            new(StandardMetrics.WeightBandwidth.Name, bandwidth, Source: "decode tokens/s × weight bytes per token"),
            new(StandardMetrics.Throughput.Name, decode * operationsPerToken / 1e9, Source: "decode tokens/s × 2 × matrix weights"),
            RooflineOfDecode(bandwidth, spec.Threads, weightBytesPerToken, limits),
        };
        values.AddRange(extra);
        return new WorkloadResult(
            LlmWorkloadSpec.Kind,
            spec.PrecisionName,
            isa,
            spec.Threads,
            parameters,
            [
                new SampleSeries(LlmMetrics.TokenLatency.Name, latencies),
                new SampleSeries(LlmMetrics.TimeToFirstToken.Name, outcome.Runs.Select(r => r.TimeToFirstTokenMs).ToList()),
            ],
            values);
    }

    /// <summary>Decode throughput over the bound probed bandwidth / weight bytes per token (equal to weight bandwidth over probed bandwidth).</summary>
    private static MetricValue RooflineOfDecode(double bandwidthGBps, int threads, long weightBytesPerToken, DeviceLimits? limits)
    {
        if (Roofline.ReadBandwidthGBps(threads, limits) is not { } gbps)
            return new MetricValue(StandardMetrics.RooflineFraction.Name, null, Unavailable: Roofline.NotProbed);
        var bound = gbps * 1e9 / weightBytesPerToken;
        return new MetricValue(StandardMetrics.RooflineFraction.Name, bandwidthGBps / gbps,
            Source: string.Create(CultureInfo.InvariantCulture, $"decode tokens/s vs bound {bound:0.00} tokens/s = probed read bandwidth {gbps:0.0} GB/s / {weightBytesPerToken} B per token"));
    }

    private static double Median(IEnumerable<double> values) => LlmBenchmark.Percentile(values.Order().ToArray(), 0.5);
}
