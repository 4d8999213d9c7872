using System.Diagnostics;

namespace Measure.Sensors.Sampling;

/// <summary>
/// The one clock that sensor samples and workload phase marks share: <see cref="Stopwatch.GetTimestamp"/>,
/// monotonic and unaffected by wall-clock changes. Callers take phase marks with <see cref="Now"/>.
/// </summary>
public static class MonotonicClock
{
    public static long Now => Stopwatch.GetTimestamp();

    public static long TicksPerSecond => Stopwatch.Frequency;

    public static double ToSeconds(long ticks) => ticks / (double)Stopwatch.Frequency;

    public static double SecondsBetween(long start, long end) => (end - start) / (double)Stopwatch.Frequency;

    public static long FromSeconds(double seconds) => checked((long)Math.Round(seconds * Stopwatch.Frequency));
}
