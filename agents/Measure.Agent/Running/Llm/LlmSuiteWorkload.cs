using System.Globalization;
using Measure.Agent.Reporting;
using Measure.Agent.Suites;
using Measure.Contracts;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Threading;
using Measure.Workloads.Llm.Accuracy;
using Measure.Workloads.Llm.Benchmark;
using Measure.Workloads.Llm.Model;
using Measure.Workloads.Llm.Presets;

namespace Measure.Agent.Running.Llm;

/// <summary>
/// The LLM workload of a suite: a seeded preset (or the --model file) in one precision, measured with
/// <see cref="LlmRunLoop"/>, then scored against the FP32 reference of the same weights and, given a
/// text with a real model, its perplexity. Accuracy runs after the timed phase, outside it.
/// </summary>
public sealed class LlmSuiteWorkload : ISuiteWorkload
{
    private readonly LlmWorkloadSpec _spec;
    private readonly WorkloadInputs _inputs;
    private readonly LlamaModel _model;

    public LlmSuiteWorkload(LlmWorkloadSpec spec, WorkloadInputs inputs)
    {
        _spec = spec ?? throw new ArgumentNullException(nameof(spec));
        _inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
        _model = inputs.ModelPath is { } path ? LlamaModel.Load(path, spec.Precision) : SeededLlama.Create(spec.Preset!, spec.Precision, spec.Seed);
    }

    public string Name => LlmWorkloadSpec.Kind;
    public string Precision => _spec.PrecisionName;
    public string Isa => KernelRegistry.Name(KernelRegistry.Selected);
    public int Threads => _spec.Threads;

    public WorkloadMeasurement Measure(RunRules rules, IterationClock clock, DeviceLimits? limits, IRunProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(progress);
        var bandwidth = Roofline.ReadBandwidthGBps(_spec.Threads, limits) * 1e9;
        var options = new LlmBenchmarkOptions(_spec.PromptTokens, _spec.GeneratedTokens, _spec.Threads, 0, 1, _spec.KvCache, bandwidth);
        var outcome = LlmRunLoop.Run(
            warmupRuns => LlmBenchmark.Run(_model, options with { WarmupRuns = warmupRuns }),
            new LlmRunLoop.Targets(_spec.WarmupRuns, _spec.MinRuns, rules.MinIterations, rules.MinDurationSeconds),
            clock, progress, cancellationToken);

        progress.Phase("accuracy");
        var extra = Accuracy(cancellationToken).Concat(Perplexity()).ToList();
        var weights = _model.Weights;
        var operationsPerToken = 2.0 * (weights.Layers.Sum(l => l.Matrices.Sum(m => (double)m.Rows * m.Cols)) + ((double)weights.Output.Rows * weights.Output.Cols));
        var result = LlmResultBuilder.Build(_spec, Isa, Parameters(), outcome, weights.BytesPerToken, operationsPerToken, limits, extra);
        var decoded = outcome.DecodedTokens;
        return new WorkloadMeasurement(
            result,
            outcome.TokenLatenciesMs,
            operationsPerToken,
            outcome.WarmupStart,
            outcome.MeasureStart,
            outcome.MeasureEnd,
            _spec.WarmupRuns,
            $"fixed warm-up: {_spec.WarmupRuns} generation run(s)",
            NotSteady: false,
            outcome.Phases,
            [
                new PhaseEnergyRequest(LlmRunLoop.PrefillPhase, LlmMetrics.PrefillEnergyPerToken, (long)outcome.Runs.Count * _spec.PromptTokens, "prompt token"),
                new PhaseEnergyRequest(LlmRunLoop.DecodePhase, LlmMetrics.DecodeEnergyPerToken, decoded, "decoded token"),
            ]);
    }

    /// <summary>What was asked for, never what was measured: these form the comparability key.</summary>
    private Dictionary<string, string> Parameters()
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["model"] = _model.Name,
            ["prompt_tokens"] = _spec.PromptTokens.ToString(CultureInfo.InvariantCulture),
            ["generated_tokens"] = _spec.GeneratedTokens.ToString(CultureInfo.InvariantCulture),
            ["kv_cache"] = _spec.CacheName,
        };
        if (_spec.Preset is { } preset)
        {
            parameters["preset"] = preset.Name;
            parameters["seed"] = _spec.Seed.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            var file = new FileInfo(_inputs.ModelPath!);
            parameters["model_file"] = file.Name;
            parameters["model_bytes"] = file.Length.ToString(CultureInfo.InvariantCulture);
        }
        return parameters;
    }

    private IEnumerable<MetricValue> Accuracy(CancellationToken cancellationToken)
    {
        string? unavailable = _spec.Precision == WeightPrecision.F32 ? "this is the FP32 reference itself"
            : _spec.AccuracyPrompts == 0 ? "accuracy_prompts: 0 in the suite"
            : null;
        if (unavailable is not null)
            return Unavailable(unavailable, LlmMetrics.Top1Agreement, LlmMetrics.MeanKlDivergence, LlmMetrics.MaxKlDivergence);

        cancellationToken.ThrowIfCancellationRequested();
        using var reference = _inputs.ModelPath is { } path ? LlamaModel.Load(path, WeightPrecision.F32) : SeededLlama.Create(_spec.Preset!, WeightPrecision.F32, _spec.Seed);
        var prompts = AccuracyPrompts.Seeded(_spec.AccuracyPrompts, _spec.PromptTokens, _model.Parameters.VocabularySize,
            _model.Tokenizer?.Special is { AddBos: true, Bos: { } bos } ? bos : null, _spec.Seed);
        using var context = new KernelContext(_spec.Threads);
        var report = AccuracyEvaluator.Compare(reference, _model, prompts, _spec.AccuracyTokens, context);
        var source = $"vs FP32 of the same weights: {report.Prompts} seeded prompt(s) of {_spec.PromptTokens} tokens, {report.Positions} positions teacher-forced on the reference's greedy continuation";
        return
        [
            new MetricValue(LlmMetrics.Top1Agreement.Name, report.Top1Agreement, Source: source),
            new MetricValue(LlmMetrics.MeanKlDivergence.Name, report.MeanKlDivergence, Source: source),
            new MetricValue(LlmMetrics.MaxKlDivergence.Name, report.MaxKlDivergence, Source: source),
        ];
    }

    private IEnumerable<MetricValue> Perplexity()
    {
        if (_inputs.TextPath is not { } textPath)
            return Unavailable(_inputs.ModelPath is null ? "seeded presets have no vocabulary; give --model M.gguf --text FILE" : "no --text FILE given", LlmMetrics.Perplexity);
        if (_model.Tokenizer is null)
            return Unavailable("the model file has no tokenizer vocabulary", LlmMetrics.Perplexity);
        var window = Math.Min(_spec.PerplexityWindow, _model.Parameters.ContextLength);
        using var context = new KernelContext(_spec.Threads);
        var report = AccuracyEvaluator.PerplexityOfText(_model, File.ReadAllText(textPath), window, context);
        return [new MetricValue(LlmMetrics.Perplexity.Name, report.Perplexity,
            Source: string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(textPath)}: {report.ScoredTokens} tokens scored in {report.Windows} window(s) of {window}"))];
    }

    private static IEnumerable<MetricValue> Unavailable(string reason, params MetricDeclaration[] metrics) =>
        metrics.Select(m => new MetricValue(m.Name, null, Unavailable: reason));

    public void Dispose() => _model.Dispose();
}
