namespace Measure.Workloads.Llm.Benchmark;

/// <summary>
/// One measured run: prefill time (the prompt through the model and the first token chosen, i.e. time
/// to first token) and the latency of every decoded token after it, in milliseconds. <see cref="Times"/>
/// places the phases on the clock (null only for samples built without them).
/// </summary>
public sealed record LlmRunSample(
    double TimeToFirstTokenMs,
    int PromptTokens,
    IReadOnlyList<double> DecodeLatenciesMs,
    IReadOnlyList<int> GeneratedTokens,
    LlmRunTimes? Times = null)
{
    public double PrefillTokensPerSecond => PromptTokens / (TimeToFirstTokenMs / 1000.0);

    public double DecodeTokensPerSecond => DecodeLatenciesMs.Count / (DecodeLatenciesMs.Sum() / 1000.0);
}
