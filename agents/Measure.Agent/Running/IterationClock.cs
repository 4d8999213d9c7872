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
}
