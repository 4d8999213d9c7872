namespace Measure.Sensors.Energy;

/// <summary>
/// Pure integrals over sampled series, with linear interpolation at the window's edges. A window
/// not covered by samples, or containing an unreadable (NaN) sample, has no answer (null).
/// </summary>
public static class TraceIntegral
{
    /// <summary>∫ power dt over [start, end] by the trapezoid rule, in joules when power is in watts.</summary>
    public static double? Trapezoid(IReadOnlyList<long> timestamps, IReadOnlyList<double> watts, long start, long end, long ticksPerSecond)
    {
        Validate(timestamps, watts, start, end, ticksPerSecond);
        if (!Covers(timestamps, start, end))
            return null;
        var startValue = ValueAt(timestamps, watts, start);
        var endValue = ValueAt(timestamps, watts, end);
        if (startValue is null || endValue is null)
            return null;

        double total = 0;
        long previousTime = start;
        double previousValue = startValue.Value;
        for (var i = 0; i < timestamps.Count; i++)
        {
            if (timestamps[i] <= start)
                continue;
            if (timestamps[i] >= end)
                break;
            if (double.IsNaN(watts[i]))
                return null;
            total += (previousValue + watts[i]) / 2 * (timestamps[i] - previousTime);
            previousTime = timestamps[i];
            previousValue = watts[i];
        }
        total += (previousValue + endValue.Value) / 2 * (end - previousTime);
        return total / ticksPerSecond;
    }

    /// <summary>The increase of a cumulative counter over [start, end], interpolated at both edges.</summary>
    public static double? CounterIncrease(IReadOnlyList<long> timestamps, IReadOnlyList<double> cumulative, long start, long end)
    {
        Validate(timestamps, cumulative, start, end, ticksPerSecond: 1);
        if (!Covers(timestamps, start, end))
            return null;
        var atStart = ValueAt(timestamps, cumulative, start);
        var atEnd = ValueAt(timestamps, cumulative, end);
        return atStart is null || atEnd is null ? null : atEnd - atStart;
    }

    /// <summary>The series' value at time t, linearly interpolated between its neighbours; null if either is NaN.</summary>
    private static double? ValueAt(IReadOnlyList<long> timestamps, IReadOnlyList<double> values, long t)
    {
        var after = 0;
        while (timestamps[after] < t)
            after++;
        if (timestamps[after] == t)
            return double.IsNaN(values[after]) ? null : values[after];
        var before = after - 1;
        if (double.IsNaN(values[before]) || double.IsNaN(values[after]))
            return null;
        var fraction = (t - timestamps[before]) / (double)(timestamps[after] - timestamps[before]);
        return values[before] + fraction * (values[after] - values[before]);
    }

    private static bool Covers(IReadOnlyList<long> timestamps, long start, long end) =>
        timestamps.Count > 0 && timestamps[0] <= start && timestamps[^1] >= end;

    private static void Validate(IReadOnlyList<long> timestamps, IReadOnlyList<double> values, long start, long end, long ticksPerSecond)
    {
        ArgumentNullException.ThrowIfNull(timestamps);
        ArgumentNullException.ThrowIfNull(values);
        if (timestamps.Count != values.Count)
            throw new ArgumentException($"{timestamps.Count} timestamps but {values.Count} values.", nameof(values));
        if (end <= start)
            throw new ArgumentException($"The window ends ({end}) at or before it starts ({start}).", nameof(end));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticksPerSecond);
    }
}
