using Measure.Sensors.Power;
using Measure.Sensors.Sampling;

namespace Measure.Sensors.Energy;

/// <summary>
/// Energy per phase from a sampled trace: counters are differenced, power is integrated by the
/// trapezoid rule, and the idle baseline power times the phase duration is subtracted.
/// </summary>
public static class EnergyAccounting
{
    /// <summary>The mean power over an idle window, or the reason it cannot be known.</summary>
    public static (IdleBaseline? Baseline, string? UnavailableReason) MeasureIdle(SensorTrace trace, PowerSourceInfo source, PhaseWindow idle)
    {
        ArgumentNullException.ThrowIfNull(idle);
        var (joules, reason, _) = Energy(trace, source, idle);
        return joules is { } j
            ? (new IdleBaseline(j / idle.DurationSeconds, idle.DurationSeconds, source), null)
            : (null, reason);
    }

    /// <summary>The energy of one phase above the idle baseline, measured on one source.</summary>
    public static PhaseEnergy ForPhase(SensorTrace trace, PowerSourceInfo source, PhaseWindow phase, IdleBaseline? baseline)
    {
        ArgumentNullException.ThrowIfNull(phase);
        if (baseline is null)
            return PhaseEnergy.Unavailable(phase.Name, phase.DurationSeconds, "no idle baseline was measured on this source", source);
        var (joules, reason, unreliable) = Energy(trace, source, phase);
        return joules is { } gross
            ? PhaseEnergy.Measured(phase.Name, source, phase.DurationSeconds, gross, baseline, unreliable)
            : PhaseEnergy.Unavailable(phase.Name, phase.DurationSeconds, reason!, source);
    }

    private static (double? Joules, string? UnavailableReason, string? UnreliableReason) Energy(SensorTrace trace, PowerSourceInfo source, PhaseWindow window)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(source);
        var series = trace.Series.FirstOrDefault(s => s.Channel.PowerSource == source
            && s.Channel.Kind is SensorChannelKind.EnergyJoules or SensorChannelKind.PowerWatts);
        if (series is null)
            return (null, $"the trace has no samples of {source.Kind}/{source.Name}", null);

        var joules = series.Channel.Kind == SensorChannelKind.EnergyJoules
            ? TraceIntegral.CounterIncrease(series.Timestamps, series.Values, window.Start, window.End)
            : TraceIntegral.Trapezoid(series.Timestamps, series.Values, window.Start, window.End, MonotonicClock.TicksPerSecond);
        if (joules is null)
            return (null, $"{source.Kind}/{source.Name} samples do not cover '{window.Name}' or were unreadable in it", null);

        var validity = trace.Series.FirstOrDefault(s => s.Channel.PowerSource == source && s.Channel.Kind == SensorChannelKind.PowerValidity);
        var unreliable = validity is not null && AnyInvalid(validity, window)
            ? $"{source.Kind}/{source.Name} reported unreliable readings during '{window.Name}' (e.g. the battery was charging)"
            : null;
        return (joules, null, unreliable);
    }

    private static bool AnyInvalid(ChannelSeries validity, PhaseWindow window)
    {
        for (var i = 0; i < validity.Count; i++)
        {
            var t = validity.Timestamps[i];
            if (t >= window.Start && t <= window.End && validity.Values[i] == 0)
                return true;
        }
        return false;
    }
}
