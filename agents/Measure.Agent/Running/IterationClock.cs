using Measure.Sensors.Sampling;

namespace Measure.Agent.Running;

/// <summary>
/// The clock iterations and phase marks are read from: the sampler's monotonic clock in production,
/// so phases and sensor samples line up; a scripted clock in tests.
/// </summary>
public sealed record IterationClock(Func<long> Now, long TicksPerSecond)
{
    public static IterationClock Monotonic { get; } = new(() => MonotonicClock.Now, MonotonicClock.TicksPerSecond);

    public double SecondsBetween(long start, long end) => (end - start) / (double)TicksPerSecond;

    /// <summary>Wall time of exactly one call, in milliseconds.</summary>
    public double MillisecondsOf(Action run)
    {
        var start = Now();
        run();
        return SecondsBetween(start, Now()) * 1000.0;
    }
}
