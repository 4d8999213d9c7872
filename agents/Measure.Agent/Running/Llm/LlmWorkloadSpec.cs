using Measure.Kernels.Transformer;
using Measure.Workloads.Llm;
using Measure.Workloads.Llm.Model;
using Measure.Workloads.Llm.Presets;

namespace Measure.Agent.Running.Llm;

/// <summary>
/// One <c>kind: llm</c> entry at one precision and thread count, checked: a seeded preset (or the
/// model given with --model), prompt and generation lengths, KV-cache precision, how many runs, and
/// how accuracy against FP32 is scored.
/// </summary>
/// <param name="Preset">Null when the suite runs on a real model from --model.</param>
/// <param name="MinRuns">Measured generation runs at least; the suite's min_iterations (decoded tokens) and min_duration_s may ask for more.</param>
/// <param name="AccuracyPrompts">Prompts scored against the FP32 reference (0: no accuracy figures).</param>
/// <param name="AccuracyTokens">Reference continuation length scored per prompt.</param>
public sealed record LlmWorkloadSpec(
    LlamaPreset? Preset,
    WeightPrecision Precision,
    int Threads,
    int PromptTokens,
    int GeneratedTokens,
    KvCachePrecision KvCache,
    int MinRuns,
    int WarmupRuns,
    ulong Seed,
    int AccuracyPrompts,
    int AccuracyTokens,
    int PerplexityWindow)
{
    public const string Kind = "llm";

    public static IReadOnlyList<string> ParameterKeys { get; } =
        ["preset", "prompt_tokens", "generated_tokens", "kv_cache", "runs", "warmup_runs", "seed", "accuracy_prompts", "accuracy_tokens", "perplexity_window"];

    public static IReadOnlyList<string> Precisions { get; } = ["f32", "f16", "q8_0"];

    /// <summary>Reads and checks the entry; <paramref name="model"/> is the shape of the --model file when one was given.</summary>
    public static LlmWorkloadSpec Parse(WorkloadParameters parameters, string precision, int? threads, LlamaHyperParameters? model)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.RejectUnknown(ParameterKeys);
        if (!Precisions.Contains(precision, StringComparer.OrdinalIgnoreCase))
            throw parameters.Error("precisions", $"unknown precision '{precision}' for llm (known: {string.Join(", ", Precisions)})");

        LlamaPreset? preset = null;
        if (model is null)
        {
            var name = parameters.String("preset") ?? throw parameters.Error("params.preset",
                $"an llm workload needs a preset ({string.Join(", ", LlamaPresets.All.Select(p => p.Name))}) or a model given with --model");
            preset = LlamaPresets.All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw parameters.Error("params.preset", $"unknown preset '{name}' (known: {string.Join(", ", LlamaPresets.All.Select(p => p.Name))})");
        }

        var spec = new LlmWorkloadSpec(
            preset,
            WeightPrecisions.Parse(precision),
            threads ?? Environment.ProcessorCount,
            parameters.IntOrDefault("prompt_tokens", 32, minimum: 1),
            parameters.IntOrDefault("generated_tokens", 64, minimum: 2),
            parameters.Choice("kv_cache", "f32", ["f32", "f16"]) == "f16" ? KvCachePrecision.F16 : KvCachePrecision.F32,
            parameters.IntOrDefault("runs", 3, minimum: 1),
            parameters.IntOrDefault("warmup_runs", 1, minimum: 0),
            parameters.UnsignedOrDefault("seed", 42),
            parameters.IntOrDefault("accuracy_prompts", 2, minimum: 0),
            parameters.IntOrDefault("accuracy_tokens", 16, minimum: 1),
            parameters.IntOrDefault("perplexity_window", 128, minimum: 2));

        var context = (model ?? preset!.Parameters).ContextLength;
        if (spec.PromptTokens + spec.GeneratedTokens > context)
            throw parameters.Error("params.generated_tokens", $"prompt_tokens + generated_tokens = {spec.PromptTokens + spec.GeneratedTokens} exceed the model's context of {context}");
        if (spec.AccuracyPrompts > 0 && spec.PromptTokens + spec.AccuracyTokens + 1 > context)
            throw parameters.Error("params.accuracy_tokens", $"prompt_tokens + accuracy_tokens + 1 = {spec.PromptTokens + spec.AccuracyTokens + 1} exceed the model's context of {context}");
        return spec;
    }

    public string PrecisionName => WeightPrecisions.Name(Precision);

    public string CacheName => KvCache == KvCachePrecision.F16 ? "f16" : "f32";
}
