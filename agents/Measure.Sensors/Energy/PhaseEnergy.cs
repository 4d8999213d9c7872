using Measure.Sensors.Power;

namespace Measure.Sensors.Energy;

/// <summary>
/// The energy a phase cost above idle, with its provenance; or why it is unavailable. Unavailable
/// results carry no number, so a missing sensor is never reported as zero joules.
/// </summary>
public sealed class PhaseEnergy
{
    private PhaseEnergy(string phase, PowerSourceInfo? source, double durationSeconds, double? grossJoules, IdleBaseline? baseline, string? unavailableReason, string? unreliableReason)
    {
        Phase = phase;
        Source = source;
        DurationSeconds = durationSeconds;
        GrossJoules = grossJoules;
        Baseline = baseline;
        UnavailableReason = unavailableReason;
        UnreliableReason = unreliableReason;
    }

    public string Phase { get; }

    public PowerSourceInfo? Source { get; }

    public double DurationSeconds { get; }

    public bool IsAvailable => GrossJoules is not null;

    /// <summary>Everything the source measured during the phase.</summary>
    public double? GrossJoules { get; }

    public IdleBaseline? Baseline { get; }

    /// <summary>Idle power times the phase's duration: what the device would have used anyway.</summary>
    public double? BaselineJoules => Baseline is null || GrossJoules is null ? null : Baseline.Watts * DurationSeconds;

    /// <summary>The energy attributable to the workload: gross minus baseline.</summary>
    public double? NetJoules => GrossJoules - BaselineJoules;

    /// <summary>
    /// ± joules on the net figure: the source's relative uncertainty applied to the gross energy.
    /// Conservative, since a gain error that inflates gross also inflates the baseline it is netted against.
    /// </summary>
    public double? UncertaintyJoules => GrossJoules is { } gross && Source is not null ? Source.RelativeUncertainty * Math.Abs(gross) : null;

    public string? UnavailableReason { get; }

    /// <summary>Set when a number exists but the source said it may not measure consumption (e.g. the battery was charging).</summary>
    public string? UnreliableReason { get; }

    /// <summary>Net joules per unit of work (J/token, J/image); null when unavailable.</summary>
    public double? JoulesPer(long units)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        return NetJoules / units;
    }

    public static PhaseEnergy Measured(string phase, PowerSourceInfo source, double durationSeconds, double grossJoules, IdleBaseline baseline, string? unreliableReason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phase);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(baseline);
        if (!double.IsFinite(grossJoules))
            throw new ArgumentOutOfRangeException(nameof(grossJoules), grossJoules, "Energy must be finite.");
        if (baseline.Source != source)
            throw new ArgumentException($"The baseline was measured on {baseline.Source.Kind}/{baseline.Source.Name}, the phase on {source.Kind}/{source.Name}.", nameof(baseline));
        return new PhaseEnergy(phase, source, durationSeconds, grossJoules, baseline, null, unreliableReason);
    }

    public static PhaseEnergy Unavailable(string phase, double durationSeconds, string reason, PowerSourceInfo? source = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phase);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new PhaseEnergy(phase, source, durationSeconds, null, null, reason, null);
    }

    public override string ToString() => IsAvailable
        ? $"{Phase}: {NetJoules:0.###} J net (± {UncertaintyJoules:0.###} J) over {DurationSeconds:0.###} s from {Source!.Kind}/{Source.Name}"
          + (UnreliableReason is null ? "" : $" [unreliable: {UnreliableReason}]")
        : $"{Phase}: energy unavailable ({UnavailableReason})";
}
