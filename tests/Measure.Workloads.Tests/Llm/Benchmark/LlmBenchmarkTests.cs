using Measure.Workloads.Llm.Benchmark;
using Measure.Workloads.Llm.Model;

namespace Measure.Workloads.Tests.Llm.Benchmark;

public sealed class LlmBenchmarkTests
{
    [Fact]
    public void Run_TinyModel_RecordsEveryTokenAndConsistentFigures()
    {
        using var model = LlamaModel.Load(Fixtures.TinyQ8);
        var options = new LlmBenchmarkOptions(PromptTokens: 8, GeneratedTokens: 6, Threads: 1, WarmupRuns: 0, MeasuredRuns: 2, ProbedReadBandwidthBytesPerSecond: 1e10);

        var result = LlmBenchmark.Run(model, options);

        Assert.Equal("q8_0", result.Precision);
        Assert.Equal(2, result.Runs.Count);
        Assert.All(result.Runs, r => Assert.Equal(5, r.DecodeLatenciesMs.Count));
        Assert.All(result.Runs, r => Assert.Equal(result.Runs[0].GeneratedTokens, r.GeneratedTokens));
        Assert.True(result.DecodeTokensPerSecond > 0);
        Assert.True(result.InterTokenLatencyP50Ms <= result.InterTokenLatencyP99Ms);
        Assert.Equal(model.Weights.BytesPerToken, result.WeightBytesPerToken);
        Assert.Equal(1e10 / result.WeightBytesPerToken, result.RooflineDecodeTokensPerSecond!.Value, 6);
        Assert.Equal(result.DecodeTokensPerSecond / result.RooflineDecodeTokensPerSecond.Value, result.RooflineFraction!.Value, 6);
        Assert.True(result.PeakResidentBytes > 0);
    }

    [Fact]
    public void Run_WithoutProbedBandwidth_LeavesRooflineUnset()
    {
        using var model = LlamaModel.Load(Fixtures.TinyF32);

        var result = LlmBenchmark.Run(model, new LlmBenchmarkOptions(PromptTokens: 4, GeneratedTokens: 3, WarmupRuns: 0, MeasuredRuns: 1));

        Assert.Null(result.RooflineFraction);
        Assert.Null(result.RooflineDecodeTokensPerSecond);
        Assert.Equal(1, LlmBenchmark.SyntheticPrompt(model, 4)[0]);
    }

    [Fact]
    public void Options_TooFewGeneratedTokens_ThrowNamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => new LlmBenchmarkOptions(GeneratedTokens: 1).Validate());

        Assert.Equal("GeneratedTokens", error.ParamName);
    }

    [Fact]
    public void Percentile_KnownSeries_InterpolatesLinearly()
    {
        double[] sorted = [1, 2, 3, 4, 5];

        Assert.Equal(3, LlmBenchmark.Percentile(sorted, 0.5));
        Assert.Equal(4.6, LlmBenchmark.Percentile(sorted, 0.9), 10);
        Assert.Equal(1, LlmBenchmark.Percentile(sorted, 0));
    }

    [Fact]
    public void MemoryBandwidthProbe_SmallBuffer_ReportsAPositiveRate()
    {
        Assert.True(MemoryBandwidthProbe.MeasureReadBytesPerSecond(threads: 1, bufferBytes: 4L << 20, passes: 1) > 0);
    }
}
