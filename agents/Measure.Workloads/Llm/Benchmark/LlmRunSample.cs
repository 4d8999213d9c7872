namespace Measure.Workloads.Llm.Benchmark;

/// <summary>
/// One measured run: prefill time (the prompt through the model and the first token chosen, i.e. time
/// to first token) and the latency of every decoded token after it, in milliseconds.
/// </summary>
public sealed record LlmRunSample(double TimeToFirstTokenMs, int PromptTokens, IReadOnlyList<double> DecodeLatenciesMs, IReadOnlyList<int> GeneratedTokens)
{
    public double PrefillTokensPerSecond => PromptTokens / (TimeToFirstTokenMs / 1000.0);

    public double DecodeTokensPerSecond => DecodeLatenciesMs.Count / (DecodeLatenciesMs.Sum() / 1000.0);
}
