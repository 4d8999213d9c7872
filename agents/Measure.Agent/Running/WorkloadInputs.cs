namespace Measure.Agent.Running;

/// <summary>Files given on the command line that a suite's workloads run on: a GGUF model instead of the presets, a text for perplexity.</summary>
public sealed record WorkloadInputs(string? ModelPath = null, string? TextPath = null)
{
    public static WorkloadInputs None { get; } = new();
}
