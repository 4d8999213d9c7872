using Measure.Sensors.Energy;
using Measure.Sensors.Sampling;
using Measure.Sensors.Throttling;
using static Measure.Sensors.Tests.SyntheticTrace;

namespace Measure.Sensors.Tests.Throttling;

public sealed class ThrottleDetectorTests
{
    private static readonly long[] Ticks = Times(0, 10, 0.5);
    private static readonly PhaseWindow Run = new("run", At(0), At(10));

    private static ChannelSeries Core(int core, Func<double, double> kHz) =>
        Series(new SensorChannel($"clock/cpu{core}", "kHz", SensorChannelKind.FrequencyKHz, 2_400_000), Ticks, kHz);

    private static ChannelSeries Zone(Func<double, double> celsius) =>
        Series(new SensorChannel("thermal/thermal_zone0:cpu-thermal", "°C", SensorChannelKind.TemperatureCelsius, 85), Ticks, celsius);

    private static ChannelSeries Firmware(Func<double, double> bits) =>
        Series(new SensorChannel("throttle/get_throttled", "bits", SensorChannelKind.ThrottleBits), Ticks, bits);

    [Fact]
    public void Assess_FullClocksAndCoolZone_NotThrottled()
    {
        var trace = new SensorTrace([Core(0, _ => 2_400_000), Core(1, _ => 600_000), Zone(_ => 60), Firmware(_ => 0)]);

        var result = ThrottleDetector.Assess(trace, Run);

        Assert.False(result.Throttled);
        Assert.True(result.CouldObserve);
        Assert.Null(result.SecondsUntilThrottle);
    }

    [Fact]
    public void Assess_AllCoresCappedFromSixSeconds_ThrottledWithTimeUntilThrottle()
    {
        var trace = new SensorTrace([Core(0, t => t < 6 ? 2_400_000 : 1_500_000), Core(1, t => t < 6 ? 2_400_000 : 1_500_000)]);

        var result = ThrottleDetector.Assess(trace, Run);

        var evidence = Assert.Single(result.Evidence);
        Assert.Equal("clock/cpu*", evidence.Channel);
        Assert.Equal(6.0, result.SecondsUntilThrottle!.Value, 6);
    }

    [Fact]
    public void Assess_ShortGovernorDip_NotThrottled()
    {
        var trace = new SensorTrace([Core(0, t => t is >= 4 and < 5 ? 1_000_000 : 2_400_000)]);

        Assert.False(ThrottleDetector.Assess(trace, Run).Throttled);
    }

    [Fact]
    public void Assess_ZoneReachesTrip_ThrottledFromThatSample()
    {
        var trace = new SensorTrace([Zone(t => 60 + 3 * t)]);

        var result = ThrottleDetector.Assess(trace, Run);

        Assert.Equal(8.5, result.SecondsUntilThrottle!.Value, 6);
        Assert.Contains("85.0 °C", Assert.Single(result.Evidence).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_FirmwareSoftLimitNow_Throttled()
    {
        var trace = new SensorTrace([Firmware(t => t >= 2 ? 0x80008 : 0)]);

        var result = ThrottleDetector.Assess(trace, Run);

        Assert.Equal(2.0, result.SecondsUntilThrottle!.Value, 6);
        Assert.False(result.UnderVoltage);
    }

    [Fact]
    public void Assess_SinceBootBitAppearsBetweenSamples_Throttled()
    {
        var trace = new SensorTrace([Firmware(t => t >= 3 ? 0x40000 : 0)]);

        Assert.Equal(3.0, ThrottleDetector.Assess(trace, Run).SecondsUntilThrottle!.Value, 6);
    }

    [Fact]
    public void Assess_SinceBootBitsAlreadySetBeforeRun_NotThrottled()
    {
        var trace = new SensorTrace([Firmware(_ => 0x50000)]);

        Assert.False(ThrottleDetector.Assess(trace, new PhaseWindow("run", At(1), At(10))).Throttled);
    }

    [Fact]
    public void Assess_UnderVoltageOnly_FlagsUnderVoltageWithoutThrottle()
    {
        var trace = new SensorTrace([Firmware(_ => 0x1)]);

        var result = ThrottleDetector.Assess(trace, Run);

        Assert.True(result.UnderVoltage);
        Assert.False(result.Throttled);
    }

    [Fact]
    public void Assess_NoObservableChannels_SaysItCouldNotObserve()
    {
        var result = ThrottleDetector.Assess(new SensorTrace([]), Run);

        Assert.False(result.Throttled);
        Assert.False(result.CouldObserve);
    }
}
