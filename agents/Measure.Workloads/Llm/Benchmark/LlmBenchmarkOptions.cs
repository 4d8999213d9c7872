using Measure.Kernels.Transformer;

namespace Measure.Workloads.Llm.Benchmark;

/// <summary>
/// What one LLM benchmark measures: a prompt of <see cref="PromptTokens"/> tokens (or the given
/// <see cref="Prompt"/>), then <see cref="GeneratedTokens"/> greedy tokens, repeated
/// <see cref="MeasuredRuns"/> times after <see cref="WarmupRuns"/> unrecorded runs.
/// </summary>
public sealed record LlmBenchmarkOptions(
    int PromptTokens = 32,
    int GeneratedTokens = 64,
    int Threads = 1,
    int WarmupRuns = 1,
    int MeasuredRuns = 3,
    KvCachePrecision CachePrecision = KvCachePrecision.F32,
    double? ProbedReadBandwidthBytesPerSecond = null,
    IReadOnlyList<int>? Prompt = null)
{
    public LlmBenchmarkOptions Validate()
    {
        if (Prompt is null && PromptTokens < 1)
        {
            throw new ArgumentException($"PromptTokens must be at least 1, got {PromptTokens}", nameof(PromptTokens));
        }

        if (Prompt is { Count: 0 })
        {
            throw new ArgumentException("Prompt has no tokens", nameof(Prompt));
        }

        if (GeneratedTokens < 2)
        {
            throw new ArgumentException($"GeneratedTokens must be at least 2 (one from prefill, one decoded), got {GeneratedTokens}", nameof(GeneratedTokens));
        }

        if (Threads < 1)
        {
            throw new ArgumentException($"Threads must be at least 1, got {Threads}", nameof(Threads));
        }

        if (WarmupRuns < 0 || MeasuredRuns < 1)
        {
            throw new ArgumentException($"need WarmupRuns >= 0 and MeasuredRuns >= 1, got {WarmupRuns} and {MeasuredRuns}", nameof(MeasuredRuns));
        }

        if (ProbedReadBandwidthBytesPerSecond is <= 0)
        {
            throw new ArgumentException("ProbedReadBandwidthBytesPerSecond must be positive", nameof(ProbedReadBandwidthBytesPerSecond));
        }

        return this;
    }
}
