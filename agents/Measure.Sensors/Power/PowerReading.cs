namespace Measure.Sensors.Power;

/// <summary>
/// One reading of a power source: watts for instantaneous sources, cumulative joules (since the
/// source was opened, wrap-around removed) for counters. Unavailable readings carry no number at
/// all, so that a missing sensor can never be mistaken for zero.
/// </summary>
public sealed class PowerReading
{
    private PowerReading(PowerReadingStatus status, double? watts, double? cumulativeJoules, IReadOnlyList<RailPower> rails, string? reason)
    {
        Status = status;
        Watts = watts;
        CumulativeJoules = cumulativeJoules;
        Rails = rails;
        Reason = reason;
    }

    public PowerReadingStatus Status { get; }

    /// <summary>Instantaneous power, for non-counter sources.</summary>
    public double? Watts { get; }

    /// <summary>Energy since the source was opened, for counter sources.</summary>
    public double? CumulativeJoules { get; }

    /// <summary>Per-rail breakdown when the sensor has one; empty otherwise.</summary>
    public IReadOnlyList<RailPower> Rails { get; }

    /// <summary>Why the reading is unreliable or unavailable.</summary>
    public string? Reason { get; }

    public static PowerReading Power(double watts, IReadOnlyList<RailPower>? rails = null) =>
        new(PowerReadingStatus.Valid, RequireFinite(watts, nameof(watts)), null, rails ?? [], null);

    public static PowerReading Energy(double cumulativeJoules) =>
        new(PowerReadingStatus.Valid, null, RequireFinite(cumulativeJoules, nameof(cumulativeJoules)), [], null);

    public static PowerReading UnreliablePower(double watts, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(PowerReadingStatus.Unreliable, RequireFinite(watts, nameof(watts)), null, [], reason);
    }

    public static PowerReading Unavailable(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(PowerReadingStatus.Unavailable, null, null, [], reason);
    }

    public override string ToString() => Status switch
    {
        PowerReadingStatus.Unavailable => $"unavailable ({Reason})",
        _ when CumulativeJoules is { } joules => $"{joules:F3} J cumulative",
        _ => $"{Watts:F3} W" + (Status == PowerReadingStatus.Unreliable ? $" (unreliable: {Reason})" : ""),
    };

    private static double RequireFinite(double value, string name) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "A power reading must be a finite number.");
}
