namespace Measure.Sensors.Throttling;

/// <summary>Thresholds of throttle detection.</summary>
/// <param name="ClockRatio">The fastest core below this fraction of its max counts as held down (default 0.9).</param>
/// <param name="ConsecutiveClockSamples">How many consecutive low samples make a throttle, so one governor dip does not (default 3).</param>
/// <param name="TripMarginCelsius">A zone within this margin below its throttling trip point counts as throttling (default 0).</param>
public sealed record ThrottleCriteria(double ClockRatio = 0.9, int ConsecutiveClockSamples = 3, double TripMarginCelsius = 0)
{
    public static ThrottleCriteria Default { get; } = new();
}
