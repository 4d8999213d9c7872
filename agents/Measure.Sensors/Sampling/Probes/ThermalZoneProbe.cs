using Measure.Sensors.IO;
using Measure.Sensors.Thermal;

namespace Measure.Sensors.Sampling.Probes;

/// <summary>Samples every thermal zone; each channel's limit is the zone's lowest throttling trip point.</summary>
public sealed class ThermalZoneProbe : ISensorProbe
{
    private readonly SysRoot _root;
    private readonly IReadOnlyList<ThermalZone> _zones;

    public ThermalZoneProbe(SysRoot root, IReadOnlyList<ThermalZone> zones)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(zones);
        _root = root;
        _zones = zones;
        Channels = zones.Select(z => new SensorChannel("thermal/" + z.Name, "°C", SensorChannelKind.TemperatureCelsius, z.ThrottleCelsius)).ToArray();
    }

    public IReadOnlyList<SensorChannel> Channels { get; }

    public bool RunsExternalCommand => false;

    public void Read(Span<double> values)
    {
        for (var i = 0; i < _zones.Count; i++)
            values[i] = _zones[i].ReadCelsius(_root) ?? double.NaN;
    }
}
