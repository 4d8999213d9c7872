using Measure.Contracts;

namespace Measure.Agent.Reporting;

/// <summary>The metrics of the LLM workload, declared once (unit, direction, aggregation).</summary>
public static class LlmMetrics
{
    public const string TokensPerSecondUnit = MetricUnits.TokensPerSecond;
    public const string JoulesPerToken = "J/token";

    private const string TokenLatencyName = "token_latency";
    private const string TimeToFirstTokenName = "ttft";

    public static readonly MetricDeclaration TokenLatency = new(
        TokenLatencyName, MetricUnits.Milliseconds, MetricDirection.LowerIsBetter, MetricAggregation.Median,
        "Wall time of each decoded token after the first (one sample per token, every measured run).");

    public static readonly MetricDeclaration TimeToFirstToken = new(
        TimeToFirstTokenName, MetricUnits.Milliseconds, MetricDirection.LowerIsBetter, MetricAggregation.Median,
        "Time to first token: the prompt through the model and the first token chosen (one sample per measured run).");

    public static readonly MetricDeclaration PrefillTokensPerSecond = new(
        "prefill_tokens_per_second", TokensPerSecondUnit, MetricDirection.HigherIsBetter, MetricAggregation.Median,
        "Prompt tokens / time to first token, median over measured runs.", DerivedFrom: TimeToFirstTokenName);

    public static readonly MetricDeclaration DecodeTokensPerSecond = new(
        "decode_tokens_per_second", TokensPerSecondUnit, MetricDirection.HigherIsBetter, MetricAggregation.Median,
        "Decoded tokens / decode time, median over measured runs.", DerivedFrom: TokenLatencyName);

    public static readonly MetricDeclaration InterTokenP50 = new(
        "inter_token_latency_p50", MetricUnits.Milliseconds, MetricDirection.LowerIsBetter, MetricAggregation.Median,
        "Median of every decoded token's latency, all measured runs pooled.");

    public static readonly MetricDeclaration InterTokenP90 = new(
        "inter_token_latency_p90", MetricUnits.Milliseconds, MetricDirection.LowerIsBetter, MetricAggregation.Median,
        "90th percentile of every decoded token's latency, all measured runs pooled.");

    public static readonly MetricDeclaration InterTokenP99 = new(
        "inter_token_latency_p99", MetricUnits.Milliseconds, MetricDirection.LowerIsBetter, MetricAggregation.Median,
        "99th percentile of every decoded token's latency, all measured runs pooled.");

    public static readonly MetricDeclaration PeakResidentMemory = new(
        "peak_rss", MetricUnits.Bytes, MetricDirection.LowerIsBetter, MetricAggregation.Max,
        "Peak resident set of the agent process (VmHWM) during the workload, mapped weight pages included; VmHWM is reset before each workload where Linux allows it (the value's source says which).");

    public static readonly MetricDeclaration WeightBytesPerToken = new(
        "weight_bytes_per_token", MetricUnits.Bytes, MetricDirection.LowerIsBetter, MetricAggregation.Last,
        "Weight bytes one decoded token reads (every block matrix, norms, output matrix, one embedding row).");

    public static readonly MetricDeclaration Top1Agreement = new(
        "top1_agreement", MetricUnits.Ratio, MetricDirection.HigherIsBetter, MetricAggregation.Last,
        "Fraction of positions where the next-token argmax equals the FP32 reference of the same weights (teacher-forced on the reference's continuation).");

    public static readonly MetricDeclaration MeanKlDivergence = new(
        "kl_divergence_mean", "nats", MetricDirection.LowerIsBetter, MetricAggregation.Last,
        "Mean KL divergence of the next-token distribution from the FP32 reference's, over the same positions.");

    public static readonly MetricDeclaration MaxKlDivergence = new(
        "kl_divergence_max", "nats", MetricDirection.LowerIsBetter, MetricAggregation.Max,
        "Worst-position KL divergence from the FP32 reference.");

    public static readonly MetricDeclaration Perplexity = new(
        "perplexity", MetricUnits.Ratio, MetricDirection.LowerIsBetter, MetricAggregation.Last,
        "exp(mean negative log-likelihood) of a text file given with --text, tokenized with the model's own vocabulary.");

    public static readonly MetricDeclaration PrefillEnergyPerToken = new(
        "prefill_energy_per_token", JoulesPerToken, MetricDirection.LowerIsBetter, MetricAggregation.Median,
        "Net energy of every prefill phase above idle, per prompt token.");

    public static readonly MetricDeclaration DecodeEnergyPerToken = new(
        "decode_energy_per_token", JoulesPerToken, MetricDirection.LowerIsBetter, MetricAggregation.Median,
        "Net energy of every decode phase above idle, per decoded token.");

    public static IReadOnlyList<MetricDeclaration> All { get; } =
    [
        TokenLatency, TimeToFirstToken, PrefillTokensPerSecond, DecodeTokensPerSecond, InterTokenP50, InterTokenP90, InterTokenP99,
        PeakResidentMemory, WeightBytesPerToken, Top1Agreement, MeanKlDivergence, MaxKlDivergence, Perplexity, PrefillEnergyPerToken, DecodeEnergyPerToken,
    ];
}
