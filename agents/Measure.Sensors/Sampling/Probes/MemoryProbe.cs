using Measure.Sensors.IO;
using Measure.Sensors.Memory;

namespace Measure.Sensors.Sampling.Probes;

/// <summary>Samples system MemAvailable and this process's resident set.</summary>
public sealed class MemoryProbe(SysRoot root) : ISensorProbe
{
    public IReadOnlyList<SensorChannel> Channels { get; } =
    [
        new("memory/available", "B", SensorChannelKind.Bytes),
        new("memory/process-rss", "B", SensorChannelKind.Bytes),
    ];

    public bool RunsExternalCommand => false;

    public void Read(Span<double> values)
    {
        values[0] = MemInfo.TryParse(root.TryReadText("/proc/meminfo"))?.AvailableBytes ?? double.NaN;
        values[1] = ProcessMemory.Read(root).ResidentBytes ?? double.NaN;
    }
}
