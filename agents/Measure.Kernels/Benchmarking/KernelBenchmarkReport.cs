using Measure.Kernels.Roofline;

namespace Measure.Kernels.Benchmarking;

/// <summary>The probed device limits and every kernel measurement expressed against them.</summary>
/// <param name="Limits">Device limits of the first kernel family; results of further families refer to their own probe.</param>
/// <param name="Results">One entry per kernel, shape, ISA and thread count.</param>
public sealed record KernelBenchmarkReport(DeviceLimits Limits, IReadOnlyList<KernelBenchmarkResult> Results);
