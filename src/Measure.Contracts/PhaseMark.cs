namespace Measure.Contracts;

/// <summary>A phase (warm-up, prefill, decode, cooldown) in seconds since the run started, on the sampler's clock.</summary>
public sealed record PhaseMark(string Name, double StartSeconds, double EndSeconds, string? Workload = null);
