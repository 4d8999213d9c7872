using Measure.Agent.Running;
using Measure.Agent.Running.Llm;
using Measure.Agent.Suites;
using Measure.Kernels.Transformer;
using Measure.Workloads.Llm;
using Measure.Workloads.Llm.Model;
using Measure.Workloads.Llm.Presets;

namespace Measure.Agent.Tests.Running.Llm;

public sealed class LlmWorkloadSpecTests
{
    private static SuiteDefinition Suite(string parameters, string precisions = "[q8_0]") => SuiteParser.Parse($"""
        suite: llm-test
        version: 1
        rules:
          warmup_iterations: 0
          iterations: 1
        workloads:
          - kind: gemv
            precisions: [f32]
            params: {"{rows: 8, cols: 32}"}
          - kind: llm
            precisions: {precisions}
            threads: [1]
            params: {parameters}
        """, "llm-test.yaml");

    private static LlmWorkloadSpec Parse(SuiteDefinition suite, LlamaHyperParameters? model = null) =>
        LlmWorkloadSpec.Parse(new WorkloadParameters(suite, suite.Workloads[1]), suite.Workloads[1].Precisions[0], 1, model);

    [Fact]
    public void Parse_PresetOnly_DefaultsApply()
    {
        var spec = Parse(Suite("{preset: tiny}"));

        Assert.Equal(LlamaPresets.Tiny, spec.Preset);
        Assert.Equal(WeightPrecision.Q8_0, spec.Precision);
        Assert.Equal((32, 64, KvCachePrecision.F32, 3, 1, 42UL), (spec.PromptTokens, spec.GeneratedTokens, spec.KvCache, spec.MinRuns, spec.WarmupRuns, spec.Seed));
    }

    [Fact]
    public void Parse_AllParameters_Read()
    {
        var spec = Parse(Suite("{preset: LLAMA-1B, prompt_tokens: 16, generated_tokens: 8, kv_cache: f16, runs: 2, warmup_runs: 0, seed: 7, accuracy_prompts: 0, accuracy_tokens: 4, perplexity_window: 64}", "[f16]"));

        Assert.Equal(LlamaPresets.Llama1B, spec.Preset);
        Assert.Equal((16, 8, KvCachePrecision.F16, 2, 0, 7UL, 0, 4, 64),
            (spec.PromptTokens, spec.GeneratedTokens, spec.KvCache, spec.MinRuns, spec.WarmupRuns, spec.Seed, spec.AccuracyPrompts, spec.AccuracyTokens, spec.PerplexityWindow));
    }

    [Theory]
    [InlineData("{preset: tiny, prompt_token: 3}", "'params.prompt_token'", "unknown parameter")]
    [InlineData("{preset: llama-7b}", "'params.preset'", "unknown preset 'llama-7b'")]
    [InlineData("{preset: tiny, kv_cache: q8_0}", "'params.kv_cache'", "f32, f16")]
    [InlineData("{preset: tiny, generated_tokens: 1}", "'params.generated_tokens'", "at least 2")]
    [InlineData("{preset: tiny, prompt_tokens: 200, generated_tokens: 100}", "'params.generated_tokens'", "context of 256")]
    [InlineData("{prompt_tokens: 8}", "'params.preset'", "--model")]
    public void Parse_BadEntry_ErrorNamesFileLineAndKey(string parameters, string key, string message)
    {
        var error = Assert.Throws<SuiteFormatException>(() => Parse(Suite(parameters)));

        Assert.StartsWith("llm-test.yaml:10: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownPrecision_ErrorNamesPrecisions()
    {
        var error = Assert.Throws<SuiteFormatException>(() => Parse(Suite("{preset: tiny}", "[q4_k]")));

        Assert.Contains("'precisions'", error.Message, StringComparison.Ordinal);
        Assert.Contains("q4_k", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ModelGiven_NoPresetNeededAndItsContextApplies()
    {
        var shape = LlamaPresets.Tiny.Parameters with { ContextLength = 64 };

        var spec = Parse(Suite("{prompt_tokens: 16, generated_tokens: 32, accuracy_tokens: 8}"), shape);
        Assert.Null(spec.Preset);
        Assert.Throws<SuiteFormatException>(() => Parse(Suite("{prompt_tokens: 32, generated_tokens: 64}"), shape));
    }

    [Fact]
    public void Validate_GemvUnknownParameter_Rejected()
    {
        var suite = SuiteParser.Parse("""
            suite: g
            version: 1
            rules: {warmup_iterations: 0, iterations: 1}
            workloads:
              - kind: gemv
                precisions: [f32]
                params: {rows: 8, cols: 32, colums: 4}
            """, "g.yaml");

        var error = Assert.Throws<SuiteFormatException>(() => WorkloadFactory.Validate(suite));
        Assert.Contains("g.yaml:5: 'params.colums'", error.Message, StringComparison.Ordinal);
    }
}
