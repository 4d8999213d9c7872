using Measure.Agent.Running;
using Measure.Agent.Running.Llm;
using Measure.Agent.Tests.Fakes;
using Measure.Workloads.Llm.Benchmark;

namespace Measure.Agent.Tests.Running.Llm;

public sealed class LlmRunLoopTests
{
    /// <summary>A benchmark whose runs "take" 10 ms of prefill and 5 ms per decoded token on the fake clock.</summary>
    private static Func<int, LlmBenchmarkResult> Scripted(FakeClock clock, int generated, List<int> calls)
    {
        return warmup =>
        {
            calls.Add(warmup);
            var runs = Enumerable.Range(0, warmup + 1).Select(_ =>
            {
                clock.AdvanceMilliseconds(1); // set-up outside both phases
                clock.AdvanceMilliseconds(10 + (5.0 * (generated - 1)));
                return new LlmRunSample(10, 8, Enumerable.Repeat(5.0, generated - 1).ToList(), Enumerable.Range(0, generated).ToList());
            }).ToList();
            return new LlmBenchmarkResult("m", "q8_0", "avx2", 1, "f32", 8, generated, runs, 10, 800, 200, 5, 5, 5, 1000 + calls.Count, 100, null, null, null);
        };
    }

    [Fact]
    public void Run_TokenTargetAboveRuns_KeepsRunningUntilTokensReached()
    {
        var clock = new FakeClock();
        var calls = new List<int>();

        var outcome = LlmRunLoop.Run(Scripted(clock, 9, calls), new LlmRunLoop.Targets(2, 1, 20, 0), clock.AsIterationClock(), SilentProgress.Instance, CancellationToken.None);

        Assert.Equal([1, 0, 0, 0], calls); // one call with 1 extra warm-up run, then 3 measured runs of 8 tokens
        Assert.Equal(2, outcome.Warmup.Count);
        Assert.Equal(3, outcome.Runs.Count);
        Assert.Equal(24, outcome.DecodedTokens);
        Assert.Equal(24, outcome.TokenLatenciesMs.Count);
        Assert.Equal(1000 + 4, outcome.PeakResidentBytes);
    }

    [Fact]
    public void Run_DurationTarget_RunsUntilElapsed()
    {
        var clock = new FakeClock();
        var calls = new List<int>();

        var outcome = LlmRunLoop.Run(Scripted(clock, 3, calls), new LlmRunLoop.Targets(0, 1, 0, 0.1), clock.AsIterationClock(), SilentProgress.Instance, CancellationToken.None);

        Assert.Empty(outcome.Warmup);
        Assert.Equal(5, outcome.Runs.Count); // 21 ms per run: the fifth passes 100 ms
        Assert.True(clock.AsIterationClock().SecondsBetween(outcome.MeasureStart, outcome.MeasureEnd) >= 0.1);
    }

    [Fact]
    public void Run_EveryMeasuredRun_PrefillThenDecodeInsideTimedWindow()
    {
        var clock = new FakeClock();
        var outcome = LlmRunLoop.Run(Scripted(clock, 5, []), new LlmRunLoop.Targets(1, 3, 0, 0), clock.AsIterationClock(), SilentProgress.Instance, CancellationToken.None);

        Assert.Equal(6, outcome.Phases.Count);
        for (var i = 0; i < outcome.Phases.Count; i += 2)
        {
            var (prefill, decode) = (outcome.Phases[i], outcome.Phases[i + 1]);
            Assert.Equal((LlmRunLoop.PrefillPhase, LlmRunLoop.DecodePhase), (prefill.Name, decode.Name));
            Assert.Equal(10_000, prefill.End - prefill.Start); // 10 ms at 1 MHz
            Assert.Equal(20_000, decode.End - decode.Start);
            Assert.Equal(prefill.End, decode.Start);
            Assert.True(prefill.Start >= outcome.MeasureStart && decode.End <= outcome.MeasureEnd);
        }
    }

    [Fact]
    public void PlacePhases_TimingsLongerThanCall_ClampedToCallStart()
    {
        var clock = new FakeClock().AsIterationClock();
        var run = new LlmRunSample(50, 4, [30, 30], [1, 2, 3]);

        var phases = LlmRunLoop.PlacePhases(run, callStart: 1000, callEnd: 41_000, clock);

        Assert.Equal(new PhaseSpan("prefill", 1000, 1000), phases[0]);
        Assert.Equal(new PhaseSpan("decode", 1000, 41_000), phases[1]);
    }

    [Fact]
    public void PlacePhases_BenchmarkTimestampsOnTheAgentsClock_UsedExactly()
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var run = new LlmRunSample(50, 4, [30, 30], [1, 2, 3], LlmRunTimes.FromTimestamps(start + 100, start + 700, start + 1900));

        var phases = LlmRunLoop.PlacePhases(run, callStart: start, callEnd: start + 2000, IterationClock.Monotonic);

        Assert.Equal(new PhaseSpan("prefill", start + 100, start + 700), phases[0]);
        Assert.Equal(new PhaseSpan("decode", start + 700, start + 1900), phases[1]);
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        var clock = new FakeClock();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            LlmRunLoop.Run(Scripted(clock, 3, []), new LlmRunLoop.Targets(0, 5, 0, 0), clock.AsIterationClock(), SilentProgress.Instance, cancel.Token));
    }
}
