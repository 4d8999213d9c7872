namespace Measure.Sensors.Power;

/// <summary>
/// Turns a wrapping hardware energy counter (RAPL energy_uj, which restarts at 0 after
/// max_energy_range_uj) into a monotonic total. Assumes at most one wrap between two reads,
/// which holds at any sane sampling rate: a 262 kJ range wraps after ~44 min at 100 W.
/// </summary>
public sealed class EnergyCounterUnwrapper
{
    private readonly long _maxRange;
    private long? _previousRaw;

    public EnergyCounterUnwrapper(long maxRange)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRange);
        _maxRange = maxRange;
    }

    /// <summary>Total counted since the first observation, in counter units.</summary>
    public long Total { get; private set; }

    /// <summary>Feeds the next raw value and returns the new total.</summary>
    public long Observe(long raw)
    {
        if (raw < 0 || raw > _maxRange)
            throw new ArgumentOutOfRangeException(nameof(raw), raw, $"Counter value outside its range [0, {_maxRange}].");
        if (_previousRaw is { } previous)
            Total += Delta(previous, raw, _maxRange);
        _previousRaw = raw;
        return Total;
    }

    /// <summary>The increase from one raw value to the next, across at most one wrap.</summary>
    public static long Delta(long previous, long current, long maxRange) =>
        current >= previous ? current - previous : maxRange - previous + current + 1;
}
