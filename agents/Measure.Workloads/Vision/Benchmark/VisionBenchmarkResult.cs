namespace Measure.Workloads.Vision.Benchmark;

/// <summary>
/// The figures of one vision workload run, with every raw sample kept: the latency of every image and
/// of every batch; percentiles pool all images; throughput is the median over batches.
/// </summary>
public sealed record VisionBenchmarkResult(
    string Workload,
    string Model,
    string Precision,
    string KernelIsa,
    int Threads,
    int Batch,
    int ImageSize,
    IReadOnlyList<double> PerImageLatenciesMs,
    IReadOnlyList<double> BatchLatenciesMs,
    double LatencyP50Ms,
    double LatencyP90Ms,
    double LatencyP99Ms,
    double BatchThroughputImagesPerSecond,
    long PeakResidentBytes,
    long WeightBytes,
    VisionAccuracy? Accuracy);
