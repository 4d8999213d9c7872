using Measure.Agent.Running;
using Measure.Agent.Suites;
using Measure.Agent.Tests.Fakes;
using Measure.Statistics.Detection;

namespace Measure.Agent.Tests.Running;

public sealed class IterationProtocolTests
{
    private static RunRules Rules(int min, int max, int iterations, double seconds) =>
        new(new WarmupRules(min, max), iterations, seconds, CooldownRules.Default);

    [Fact]
    public void Run_SlowStartThenFlat_WarmupEndsAtSteadyStateWithinBounds()
    {
        var clock = new FakeClock();
        // 20 ms falling to 10 ms over the first 15 iterations, then flat.
        using var workload = new ScriptedWorkload(clock, i => i < 15 ? 20 - (10.0 * i / 15) : 10);

        var result = IterationProtocol.Run(workload, Rules(3, 100, 10, 0), clock.AsIterationClock(), SilentProgress.Instance, CancellationToken.None);

        Assert.Equal(SteadyStateStatus.Reached, result.WarmupStatus);
        Assert.InRange(result.WarmupIterations, 15, 40);
        Assert.All(result.LatenciesMs, l => Assert.Equal(10, l, 6));
        Assert.Equal(10, result.LatenciesMs.Count);
        Assert.False(result.SettledLate(new WarmupRules(3, 100)));
    }

    [Fact]
    public void Run_NeverSettles_StopsAtMaxWarmupAndSaysSo()
    {
        var clock = new FakeClock();
        using var workload = new ScriptedWorkload(clock, i => 10 + (i * 0.5));

        var result = IterationProtocol.Run(workload, Rules(3, 25, 5, 0), clock.AsIterationClock(), SilentProgress.Instance, CancellationToken.None);

        Assert.Equal(SteadyStateStatus.BudgetExhausted, result.WarmupStatus);
        Assert.Equal(25, result.WarmupIterations);
        Assert.True(result.SettledLate(new WarmupRules(3, 25)));
    }

    [Fact]
    public void Run_DurationLongerThanCount_KeepsGoingUntilBothAreMet()
    {
        var clock = new FakeClock();
        using var workload = new ScriptedWorkload(clock, _ => 10);

        var result = IterationProtocol.Run(workload, Rules(0, 0, 5, 1.0), clock.AsIterationClock(), SilentProgress.Instance, CancellationToken.None);

        Assert.Equal(0, result.WarmupIterations);
        Assert.Equal(100, result.LatenciesMs.Count);
        Assert.Equal(workload.Calls, result.LatenciesMs.Count);
    }

    [Fact]
    public void Run_CountLongerThanDuration_RunsTheCount()
    {
        var clock = new FakeClock();
        using var workload = new ScriptedWorkload(clock, _ => 10);

        var result = IterationProtocol.Run(workload, Rules(2, 2, 50, 0.1), clock.AsIterationClock(), SilentProgress.Instance, CancellationToken.None);

        Assert.Equal(50, result.LatenciesMs.Count);
        Assert.Equal(2, result.WarmupIterations);
        Assert.True(result.MeasureEnd > result.MeasureStart);
        Assert.True(result.MeasureStart >= result.WarmupStart);
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        var clock = new FakeClock();
        using var workload = new ScriptedWorkload(clock, _ => 10);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => IterationProtocol.Run(workload, Rules(1, 5, 5, 0), clock.AsIterationClock(), SilentProgress.Instance, cancelled.Token));
    }

    [Fact]
    public void EstimateRemaining_DurationBound_IsTheLargerOfCountAndDuration()
    {
        var rules = Rules(0, 0, 100, 10);
        Assert.Equal(9, IterationProtocol.EstimateRemaining(10, 1, rules), 6);
        Assert.Equal(8, IterationProtocol.EstimateRemaining(10, 2, Rules(0, 0, 50, 3)), 6);
    }
}
