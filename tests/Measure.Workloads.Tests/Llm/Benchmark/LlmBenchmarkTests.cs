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
    public void Run_EveryRun_CarriesOrderedTimesThatAgreeWithItsLatencies()
    {
        using var model = LlamaModel.Load(Fixtures.TinyQ8);
        var options = new LlmBenchmarkOptions(PromptTokens: 5, GeneratedTokens: 4, Threads: 1, WarmupRuns: 0, MeasuredRuns: 3);

        var result = LlmBenchmark.Run(model, options);

        LlmRunTimes? previous = null;
        foreach (var run in result.Runs)
        {
            var times = Assert.IsType<LlmRunTimes>(run.Times);
            Assert.True(times.PrefillStartTimestamp <= times.DecodeStartTimestamp && times.DecodeStartTimestamp <= times.EndTimestamp);
            Assert.Equal(run.TimeToFirstTokenMs, Milliseconds(times.DecodeStartTimestamp - times.PrefillStartTimestamp), tolerance: 1e-9);
            Assert.Equal(run.DecodeLatenciesMs.Sum(), Milliseconds(times.EndTimestamp - times.DecodeStartTimestamp), tolerance: 1e-6);
            Assert.Equal(run.TimeToFirstTokenMs, (times.DecodeStartUtc - times.PrefillStartUtc).TotalMilliseconds, tolerance: 1e-3);
            Assert.True(times.PrefillStartUtc <= times.DecodeStartUtc && times.DecodeStartUtc <= times.EndUtc);
            Assert.True(previous is null || previous.EndTimestamp <= times.PrefillStartTimestamp, "runs overlap");
            previous = times;
        }
    }

    [Fact]
    public void RunTimes_BackwardsTimestamps_ThrowNamingTheOrder()
    {
        var error = Assert.Throws<ArgumentException>(() => LlmRunTimes.FromTimestamps(100, 50, 200));

        Assert.Contains("backwards", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunTimes_ToUtc_MapsNowToTheWallClockAndKeepsSpacing()
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();

        var utc = LlmRunTimes.ToUtc(now);
        var oneSecondLater = LlmRunTimes.ToUtc(now + System.Diagnostics.Stopwatch.Frequency);

        // The anchor is read once per process, so only clock steps or drift since then separate the two.
        Assert.InRange((utc - DateTimeOffset.UtcNow).Duration(), TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromSeconds(1), oneSecondLater - utc);
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / System.Diagnostics.Stopwatch.Frequency;

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
