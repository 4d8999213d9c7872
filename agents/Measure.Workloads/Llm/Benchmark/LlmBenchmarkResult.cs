namespace Measure.Workloads.Llm.Benchmark;

/// <summary>
/// The figures of one LLM workload run, with every raw sample kept. Throughputs are medians over runs;
/// inter-token latency percentiles pool the decode latencies of all runs. The roofline figures are
/// present only when a read bandwidth was probed.
/// </summary>
public sealed record LlmBenchmarkResult(
    string Model,
    string Precision,
    string KernelIsa,
    int Threads,
    string CachePrecision,
    int PromptTokens,
    int GeneratedTokens,
    IReadOnlyList<LlmRunSample> Runs,
    double MedianTimeToFirstTokenMs,
    double PrefillTokensPerSecond,
    double DecodeTokensPerSecond,
    double InterTokenLatencyP50Ms,
    double InterTokenLatencyP90Ms,
    double InterTokenLatencyP99Ms,
    long PeakResidentBytes,
    long WeightBytesPerToken,
    double? ProbedReadBandwidthBytesPerSecond,
    double? RooflineDecodeTokensPerSecond,
    double? RooflineFraction);
