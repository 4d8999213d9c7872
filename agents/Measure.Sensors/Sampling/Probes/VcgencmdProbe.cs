using Measure.Sensors.Clocks;
using Measure.Sensors.Commands;
using Measure.Sensors.Thermal;

namespace Measure.Sensors.Sampling.Probes;

/// <summary>Samples the Raspberry Pi firmware's view: SoC temperature and the get_throttled bits.</summary>
public sealed class VcgencmdProbe(ICommandRunner runner) : ISensorProbe
{
    /// <summary>The firmware's soft temperature limit (bit 3 of get_throttled) on Pi 4/5.</summary>
    public const double SoftTemperatureLimitCelsius = 85.0;

    public IReadOnlyList<SensorChannel> Channels { get; } =
    [
        new("thermal/vcgencmd", "°C", SensorChannelKind.TemperatureCelsius, SoftTemperatureLimitCelsius),
        new("throttle/get_throttled", "bits", SensorChannelKind.ThrottleBits),
    ];

    public bool RunsExternalCommand => true;

    public void Read(Span<double> values)
    {
        values[0] = VcgencmdTemperature.Read(runner) ?? double.NaN;
        values[1] = PiThrottledState.Read(runner) is { } state ? (int)state.Flags : double.NaN;
    }
}
