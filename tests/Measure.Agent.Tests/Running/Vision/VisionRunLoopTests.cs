using Measure.Agent.Running;
using Measure.Agent.Running.Vision;
using Measure.Agent.Suites;
using Measure.Agent.Tests.Fakes;
using Measure.Statistics.Detection;

namespace Measure.Agent.Tests.Running.Vision;

public sealed class VisionRunLoopTests
{
    private static RunRules Rules(int warmupMin, int warmupMax, int images, double seconds) =>
        new(new WarmupRules(warmupMin, warmupMax), images, seconds, CooldownRules.Default);

    [Fact]
    public void Run_CountRuleDominates_WholeBatchesUntilEnoughImages()
    {
        var clock = new FakeClock();
        var indices = new List<int>();

        var outcome = VisionRunLoop.Run(i => { indices.Add(i); clock.AdvanceMilliseconds(2); }, batch: 4, Rules(3, 3, 10, 0), clock.AsIterationClock(), SilentProgress.Instance, CancellationToken.None);

        Assert.Equal(3, outcome.WarmupImages);
        Assert.Equal(12, outcome.ImageLatenciesMs.Count); // 10 images need three whole batches of 4
        Assert.Equal(3, outcome.BatchLatenciesMs.Count);
        Assert.All(outcome.ImageLatenciesMs, l => Assert.Equal(2, l, 6));
        Assert.All(outcome.BatchLatenciesMs, l => Assert.Equal(8, l, 6));
        Assert.Equal([0, 1, 2, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3], indices);
        Assert.Equal(0.024, (outcome.MeasureEnd - outcome.MeasureStart) / (double)FakeClock.TicksPerSecond, 9);
    }

    [Fact]
    public void Run_DurationRuleDominates_BatchesUntilMinimumSeconds()
    {
        var clock = new FakeClock();

        var outcome = VisionRunLoop.Run(_ => clock.AdvanceMilliseconds(5), batch: 2, Rules(0, 0, 1, 0.1), clock.AsIterationClock(), SilentProgress.Instance, CancellationToken.None);

        Assert.Equal(0, outcome.WarmupImages);
        Assert.Equal(20, outcome.ImageLatenciesMs.Count); // 100 ms of 5 ms images
        Assert.Equal(10, outcome.BatchLatenciesMs.Count);
    }

    [Fact]
    public void Run_SlowFirstImages_WarmupUntilSteadyAndNotLate()
    {
        var clock = new FakeClock();
        var calls = 0;

        var outcome = VisionRunLoop.Run(_ => clock.AdvanceMilliseconds(calls++ < 10 ? 30 - (2.0 * calls) : 10), 1, Rules(2, 200, 5, 0), clock.AsIterationClock(), SilentProgress.Instance, CancellationToken.None);

        Assert.Equal(SteadyStateStatus.Reached, outcome.WarmupStatus);
        Assert.InRange(outcome.WarmupImages, 10, 40);
        Assert.All(outcome.ImageLatenciesMs, l => Assert.Equal(10, l, 6));
        Assert.False(outcome.SettledLate(new WarmupRules(2, 200)));
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        var clock = new FakeClock();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            VisionRunLoop.Run(_ => clock.AdvanceMilliseconds(1), 1, Rules(0, 0, 5, 0), clock.AsIterationClock(), SilentProgress.Instance, cancel.Token));
    }
}
