using Measure.Agent.Reporting;
using Measure.Agent.Running;
using Measure.Agent.Suites;
using Measure.Agent.Tests.Fakes;
using Measure.Contracts;
using Measure.Sensors.Commands;
using Measure.Sensors.IO;
using Measure.Sensors.Sampling;
using Measure.Tests.Shared;

namespace Measure.Agent.Tests.Running.Llm;

/// <summary>The llm kind end to end through the suite runner on the tiny preset and on the llama.cpp-written fixtures.</summary>
public sealed class LlmSuiteWorkloadTests
{
    private const string Suite = """
        suite: llm
        version: 1
        rules:
          warmup_iterations: 0
          min_iterations: 20
          idle_s: 0
        workloads:
          - kind: llm
            precisions: [f32, q8_0]
            threads: [1]
            params: {preset: tiny, prompt_tokens: 8, generated_tokens: 6, runs: 2, warmup_runs: 1, accuracy_prompts: 2, accuracy_tokens: 4}
        """;

    private static RunReport Run(string suiteText, DeviceFingerprint device, WorkloadInputs? inputs = null)
    {
        using var temp = new TempStateDirectory();
        var sensors = SensorProbes.Discover(new SysRoot(temp.State.Path), new ProcessCommandRunner(new Dictionary<string, string> { ["PATH"] = "" }));
        return new SuiteRunner(TimeProvider.System, sensors).Run(SuiteParser.Parse(suiteText, "llm.yaml"), device, null, SilentProgress.Instance, CancellationToken.None, inputs);
    }

    private static double? Value(WorkloadResult result, MetricDeclaration metric) => Assert.Single(result.Values!, v => v.Metric == metric.Name).Value;

    [Fact]
    public void Run_TinyPreset_EverySampleAndDeclaredFigure()
    {
        var device = SampleReports.Valid().Device with { Limits = new DeviceLimits("avx2", 2, ReadBandwidthGBps1Thread: 10, ReadBandwidthGBpsAllThreads: 20) };

        var report = Run(Suite, device);

        Assert.Empty(RunReportValidator.Validate(report, DateTimeOffset.UtcNow));
        Assert.Equal(["f32", "q8_0"], report.Workloads.Select(w => w.Precision));
        foreach (var workload in report.Workloads)
        {
            Assert.Equal("llm", workload.Workload);
            Assert.All(workload.Values!, v => Assert.Contains(report.Metrics, m => m.Name == v.Metric));
            var tokens = Assert.Single(workload.Samples, s => s.Metric == LlmMetrics.TokenLatency.Name).Values;
            var ttft = Assert.Single(workload.Samples, s => s.Metric == LlmMetrics.TimeToFirstToken.Name).Values;
            Assert.Equal(4, ttft.Count); // 5 tokens per run: 20 tokens need 4 runs
            Assert.Equal(20, tokens.Count);
            Assert.All(tokens, t => Assert.True(t > 0));
            Assert.True(Value(workload, LlmMetrics.DecodeTokensPerSecond) > 0);
            Assert.True(Value(workload, LlmMetrics.PrefillTokensPerSecond) > 0);
            Assert.True(Value(workload, LlmMetrics.InterTokenP50) <= Value(workload, LlmMetrics.InterTokenP99));
            Assert.True(Value(workload, LlmMetrics.PeakResidentMemory) > 0);
            // Linux lets the agent reset VmHWM, so each workload's peak is its own.
            Assert.EndsWith("this workload only (VmHWM reset before it)", Assert.Single(workload.Values!, v => v.Metric == LlmMetrics.PeakResidentMemory.Name).Source, StringComparison.Ordinal);
            var bytes = Value(workload, LlmMetrics.WeightBytesPerToken)!.Value;
            var expectedFraction = Value(workload, LlmMetrics.DecodeTokensPerSecond)!.Value / (10e9 / bytes);
            Assert.Equal(expectedFraction, Value(workload, StandardMetrics.RooflineFraction)!.Value, 9);
            Assert.Equal("tiny", workload.Parameters["preset"]);
            Assert.DoesNotContain("runs", workload.Parameters.Keys);
            Assert.Equal(8, report.Phases!.Count(p => p.Workload!.StartsWith($"llm/{workload.Precision}/", StringComparison.Ordinal) && p.Name is "prefill" or "decode"));
            Assert.Contains(workload.Values!, v => v.Metric == LlmMetrics.DecodeEnergyPerToken.Name && v.Value is null && v.Unavailable is not null);
        }

        var reference = report.Workloads[0];
        Assert.All(reference.Values!.Where(v => v.Metric == LlmMetrics.Top1Agreement.Name), v => Assert.Equal("this is the FP32 reference itself", v.Unavailable));
        var quantized = report.Workloads[1];
        Assert.InRange(Value(quantized, LlmMetrics.Top1Agreement)!.Value, 0.5, 1.0);
        Assert.InRange(Value(quantized, LlmMetrics.MeanKlDivergence)!.Value, 0, 0.05);
        Assert.True(Value(reference, LlmMetrics.WeightBytesPerToken) > Value(quantized, LlmMetrics.WeightBytesPerToken));
    }

    [Fact]
    public void Run_DeviceNotProbed_RooflineUnavailableWithReason()
    {
        var report = Run(Suite.Replace("[f32, q8_0]", "[f16]", StringComparison.Ordinal), SampleReports.Valid().Device with { Limits = null });

        var roofline = Assert.Single(report.Workloads[0].Values!, v => v.Metric == StandardMetrics.RooflineFraction.Name);
        Assert.Null(roofline.Value);
        Assert.Contains("not probed", roofline.Unavailable, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FixtureModelWithText_PerplexityAndAccuracyOfQ8AgainstF32()
    {
        using var temp = new TempStateDirectory();
        var text = Path.Join(temp.State.Path, "text.txt");
        File.WriteAllText(text, "Once upon a time there was a little girl who lived in a village near the forest.");
        var suite = Suite.Replace("[f32, q8_0]", "[q8_0]", StringComparison.Ordinal).Replace("preset: tiny, ", "", StringComparison.Ordinal);

        var report = Run(suite, SampleReports.Valid().Device, new WorkloadInputs(GgufFixtures.TinyF32, text));

        var workload = Assert.Single(report.Workloads);
        Assert.Equal("tiny-f32.gguf", workload.Parameters["model_file"]);
        Assert.DoesNotContain("preset", workload.Parameters.Keys);
        var perplexity = Value(workload, LlmMetrics.Perplexity);
        Assert.True(perplexity is > 1 and < 1e6, $"perplexity {perplexity}");
        Assert.InRange(Value(workload, LlmMetrics.Top1Agreement)!.Value, 0.5, 1.0);
    }
}
