using Measure.Sensors.Clocks;
using Measure.Sensors.IO;

namespace Measure.Sensors.Sampling.Probes;

/// <summary>Samples every core's scaling_cur_freq; each channel's limit is the core's cpuinfo_max_freq.</summary>
public sealed class CpuClockProbe : ISensorProbe
{
    private readonly SysRoot _root;
    private readonly IReadOnlyList<CpuCoreClock> _cores;

    public CpuClockProbe(SysRoot root, IReadOnlyList<CpuCoreClock> cores)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(cores);
        _root = root;
        _cores = cores;
        Channels = cores.Select(c => new SensorChannel("clock/" + c.Name, "kHz", SensorChannelKind.FrequencyKHz, c.MaxKHz)).ToArray();
    }

    public IReadOnlyList<SensorChannel> Channels { get; }

    public bool RunsExternalCommand => false;

    public void Read(Span<double> values)
    {
        for (var i = 0; i < _cores.Count; i++)
            values[i] = _cores[i].ReadCurrentKHz(_root) ?? double.NaN;
    }
}
