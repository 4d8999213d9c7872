using Measure.Agent.Android.Adb;
using Measure.Sensors.Sampling;

namespace Measure.Agent.Android.Sensing;

/// <summary>Samples Android's thermal status (dumpsys thermalservice) at the sampler's command rate.</summary>
public sealed class ThermalStatusProbe(AdbClient adb, string serial) : ISensorProbe
{
    public const string ChannelName = "android/thermal_status";

    // The sensors library has no "status" kind; the channel is renamed to kind "thermal-status" on the wire.
    public IReadOnlyList<SensorChannel> Channels { get; } = [new(ChannelName, "", SensorChannelKind.ThrottleBits, ThermalStatus.Severe)];

    public bool RunsExternalCommand => true;

    public void Read(Span<double> values)
    {
        try
        {
            values[0] = ThermalStatus.Parse(adb.Shell(serial, "dumpsys thermalservice").StandardOutput) ?? double.NaN;
        }
        catch (AdbException)
        {
            values[0] = double.NaN;
        }
    }
}
