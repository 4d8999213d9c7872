using Measure.Agent.Running;
using Measure.Agent.Suites;
using Measure.Agent.Tests.Fakes;
using Measure.Sensors.Throttling;

namespace Measure.Agent.Tests.Running;

public sealed class CooldownWaiterTests
{
    private static readonly Dictionary<string, double> Idle = new() { ["thermal/cpu"] = 40, ["thermal/gpu"] = 38 };

    [Fact]
    public void Wait_CoolsBySteps_ReturnsOnceWithinMargin()
    {
        var clock = new FakeClock();
        var temperature = 55.0;
        var outcome = CooldownWaiter.Wait(new CooldownRules(3, 60), Idle,
            () => new Dictionary<string, double> { ["thermal/cpu"] = temperature, ["thermal/gpu"] = 39 },
            clock.AsIterationClock(),
            sleep => { clock.AdvanceMilliseconds(sleep.TotalMilliseconds); temperature -= 2; },
            CancellationToken.None);

        Assert.Equal(CooldownState.Cooled, outcome.Status.State);
        Assert.False(outcome.TimedOut);
        Assert.Equal(6, outcome.WaitedSeconds, 6); // 55 -> 43 in six one-second steps
        Assert.True(outcome.Waited);
    }

    [Fact]
    public void Wait_StaysHot_GivesUpAtTheLimit()
    {
        var clock = new FakeClock();
        var outcome = CooldownWaiter.Wait(new CooldownRules(3, 5), Idle,
            () => new Dictionary<string, double> { ["thermal/cpu"] = 70 },
            clock.AsIterationClock(), sleep => clock.AdvanceMilliseconds(sleep.TotalMilliseconds), CancellationToken.None);

        Assert.True(outcome.TimedOut);
        Assert.Equal(CooldownState.StillHot, outcome.Status.State);
        Assert.Equal(5, outcome.WaitedSeconds, 6);
    }

    [Fact]
    public void Wait_NoThermalSensors_ReturnsAtOnce()
    {
        var clock = new FakeClock();
        var outcome = CooldownWaiter.Wait(new CooldownRules(3, 60), new Dictionary<string, double>(),
            () => new Dictionary<string, double>(), clock.AsIterationClock(), _ => throw new InvalidOperationException("must not sleep"), CancellationToken.None);

        Assert.Equal(CooldownState.NoThermalData, outcome.Status.State);
        Assert.Equal(0, outcome.WaitedSeconds);
        Assert.False(outcome.Waited);
    }
}
