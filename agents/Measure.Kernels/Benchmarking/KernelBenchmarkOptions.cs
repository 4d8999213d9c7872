using Measure.Kernels.Dispatch;

namespace Measure.Kernels.Benchmarking;

/// <summary>What the kernel benchmark runs.</summary>
/// <param name="Quick">Smaller prefill (128 tokens), smaller weight footprint and shorter timing: a smoke run.</param>
/// <param name="Isas">Kernel families to run (default: the selected one).</param>
/// <param name="ThreadCounts">Thread counts to run (default: 1 and all cores).</param>
public sealed record KernelBenchmarkOptions(
    bool Quick = false,
    IReadOnlyList<KernelIsa>? Isas = null,
    IReadOnlyList<int>? ThreadCounts = null);
