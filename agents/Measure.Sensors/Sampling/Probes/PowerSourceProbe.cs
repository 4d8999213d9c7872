using Measure.Sensors.Power;

namespace Measure.Sensors.Sampling.Probes;

/// <summary>Samples one power source: its total (watts or cumulative joules), its validity, and each rail it reports.</summary>
public sealed class PowerSourceProbe : ISensorProbe
{
    private readonly IPowerSource _source;
    private readonly string[] _railLabels;

    /// <param name="railLabels">Rails to record alongside the total, in the order the source reports them (empty for none).</param>
    public PowerSourceProbe(IPowerSource source, IReadOnlyList<string>? railLabels = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _railLabels = railLabels?.ToArray() ?? [];
        var info = source.Info;
        var prefix = $"power/{info.Kind}/{info.Name}";
        var channels = new List<SensorChannel>
        {
            info.IsCumulativeCounter
                ? new SensorChannel(prefix, "J", SensorChannelKind.EnergyJoules, PowerSource: info)
                : new SensorChannel(prefix, "W", SensorChannelKind.PowerWatts, PowerSource: info),
            new(prefix + "/valid", "", SensorChannelKind.PowerValidity, PowerSource: info),
        };
        channels.AddRange(_railLabels.Select(label =>
            new SensorChannel($"power/{info.Kind}/rail/{label}", "W", SensorChannelKind.PowerWatts, PowerSource: info with { Name = label, Scope = PowerScope.PartialRails })));
        Channels = channels;
        RunsExternalCommand = source is RaspberryPi5PmicSource;
    }

    public IReadOnlyList<SensorChannel> Channels { get; }

    public bool RunsExternalCommand { get; }

    public IPowerSource Source => _source;

    public void Read(Span<double> values)
    {
        var reading = _source.Read();
        values[0] = reading.CumulativeJoules ?? reading.Watts ?? double.NaN;
        values[1] = reading.Status switch
        {
            PowerReadingStatus.Valid => 1,
            PowerReadingStatus.Unreliable => 0,
            _ => double.NaN,
        };
        for (var i = 0; i < _railLabels.Length; i++)
        {
            var rail = FindRail(reading.Rails, _railLabels[i]);
            values[2 + i] = rail?.Watts ?? double.NaN;
        }
    }

    private static RailPower? FindRail(IReadOnlyList<RailPower> rails, string label)
    {
        for (var i = 0; i < rails.Count; i++)
        {
            if (rails[i].Label == label)
                return rails[i];
        }
        return null;
    }
}
