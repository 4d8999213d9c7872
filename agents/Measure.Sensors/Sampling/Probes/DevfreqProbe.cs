using Measure.Sensors.Clocks;
using Measure.Sensors.IO;

namespace Measure.Sensors.Sampling.Probes;

/// <summary>Samples devfreq clocks (Jetson GPU, EMC) in Hz; the limit is the device's max_freq.</summary>
public sealed class DevfreqProbe : ISensorProbe
{
    private readonly SysRoot _root;
    private readonly IReadOnlyList<DevfreqClock> _devices;

    public DevfreqProbe(SysRoot root, IReadOnlyList<DevfreqClock> devices)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(devices);
        _root = root;
        _devices = devices;
        Channels = devices.Select(d => new SensorChannel($"clock/{d.Role.ToString().ToLowerInvariant()}/{d.DeviceName}", "Hz", SensorChannelKind.FrequencyHz, d.MaxHz)).ToArray();
    }

    public IReadOnlyList<SensorChannel> Channels { get; }

    public bool RunsExternalCommand => false;

    public void Read(Span<double> values)
    {
        for (var i = 0; i < _devices.Count; i++)
            values[i] = _devices[i].ReadCurrentHz(_root) ?? double.NaN;
    }
}
