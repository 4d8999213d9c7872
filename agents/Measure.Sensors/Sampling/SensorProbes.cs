using Measure.Sensors.Clocks;
using Measure.Sensors.Commands;
using Measure.Sensors.IO;
using Measure.Sensors.Power;
using Measure.Sensors.Sampling.Probes;
using Measure.Sensors.Thermal;

namespace Measure.Sensors.Sampling;

/// <summary>Everything this machine can be sampled for, found once before a run.</summary>
public sealed record SensorProbes(IReadOnlyList<ISensorProbe> Probes, PowerSources Power)
{
    public IEnumerable<SensorChannel> Channels => Probes.SelectMany(p => p.Channels);

    /// <summary>Discovers the probes that exist; missing sensors simply have no probe (and power says why).</summary>
    public static SensorProbes Discover(SysRoot root, ICommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(runner);
        var probes = new List<ISensorProbe>();
        var power = PowerSourceDiscovery.Discover(root, runner);
        foreach (var source in power.Available)
            probes.Add(new PowerSourceProbe(source, (source as JetsonIna3221Source)?.RailLabels));

        var zones = ThermalZone.Discover(root);
        if (zones.Count > 0)
            probes.Add(new ThermalZoneProbe(root, zones));
        var cores = CpuCoreClock.Discover(root);
        if (cores.Count > 0)
            probes.Add(new CpuClockProbe(root, cores));
        var devfreq = DevfreqClock.Discover(root);
        if (devfreq.Count > 0)
            probes.Add(new DevfreqProbe(root, devfreq));
        if (root.FileExists("/proc/meminfo"))
            probes.Add(new MemoryProbe(root));

        var model = root.TryReadLine("/proc/device-tree/model") ?? "";
        if (model.StartsWith("Raspberry Pi", StringComparison.Ordinal) && VcgencmdTemperature.Read(runner) is not null)
            probes.Add(new VcgencmdProbe(runner));
        return new SensorProbes(probes, power);
    }
}
