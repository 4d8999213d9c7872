using Measure.Agent.Suites;
using Measure.Sensors.Throttling;

namespace Measure.Agent.Running;

/// <summary>How a cooldown ended and how long it took.</summary>
/// <param name="Waited">False when the device was already cool (or unobservable): no cooldown phase to report.</param>
public sealed record CooldownOutcome(CooldownStatus Status, double WaitedSeconds, bool TimedOut, bool Waited);

/// <summary>
/// Waits before a workload until the hottest thermal zone is back within the margin of its idle
/// temperature, instead of sleeping a fixed time; gives up after the suite's limit (and says so).
/// </summary>
public static class CooldownWaiter
{
    public static CooldownOutcome Wait(
        CooldownRules rules,
        IReadOnlyDictionary<string, double> idleCelsius,
        Func<IReadOnlyDictionary<string, double>> currentCelsius,
        IterationClock clock,
        Action<TimeSpan> sleep,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(currentCelsius);
        ArgumentNullException.ThrowIfNull(sleep);
        var start = clock.Now();
        var slept = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var status = CooldownCheck.Evaluate(idleCelsius, currentCelsius(), rules.MarginCelsius);
            var waited = clock.SecondsBetween(start, clock.Now());
            if (status.State != CooldownState.StillHot)
                return new CooldownOutcome(status, waited, TimedOut: false, slept);
            if (waited >= rules.MaxSeconds)
                return new CooldownOutcome(status, waited, TimedOut: true, slept);
            sleep(TimeSpan.FromSeconds(Math.Min(1, rules.MaxSeconds - waited)));
            slept = true;
        }
    }
}
