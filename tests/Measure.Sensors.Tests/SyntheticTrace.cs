using Measure.Sensors.Power;
using Measure.Sensors.Sampling;

namespace Measure.Sensors.Tests;

/// <summary>Builds traces from functions of time in seconds, on the real monotonic tick rate.</summary>
internal static class SyntheticTrace
{
    public static readonly PowerSourceInfo Meter = new("test-meter", "board", PowerScope.WholeDevice, 0.05, IsCumulativeCounter: false);
    public static readonly PowerSourceInfo Counter = new("rapl", "package-0", PowerScope.CpuPackage, 0.05, IsCumulativeCounter: true);

    public static long[] Times(double fromSeconds, double toSeconds, double stepSeconds)
    {
        var count = (int)Math.Round((toSeconds - fromSeconds) / stepSeconds) + 1;
        return Enumerable.Range(0, count).Select(i => MonotonicClock.FromSeconds(fromSeconds + i * stepSeconds)).ToArray();
    }

    public static ChannelSeries Series(SensorChannel channel, long[] times, Func<double, double> valueAt) =>
        new(channel, times, times.Select(t => valueAt(MonotonicClock.ToSeconds(t))).ToArray());

    public static ChannelSeries PowerSeries(long[] times, Func<double, double> watts) =>
        Series(new SensorChannel("power/test-meter/board", "W", SensorChannelKind.PowerWatts, PowerSource: Meter), times, watts);

    public static ChannelSeries ValiditySeries(long[] times, Func<double, double> valid) =>
        Series(new SensorChannel("power/test-meter/board/valid", "", SensorChannelKind.PowerValidity, PowerSource: Meter), times, valid);

    public static ChannelSeries EnergySeries(long[] times, Func<double, double> cumulativeJoules) =>
        Series(new SensorChannel("power/rapl/package-0", "J", SensorChannelKind.EnergyJoules, PowerSource: Counter), times, cumulativeJoules);

    public static long At(double seconds) => MonotonicClock.FromSeconds(seconds);
}
