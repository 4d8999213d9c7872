using System.Globalization;
using Measure.Agent.Android.Adb;
using Measure.Agent.Android.Phone;
using Measure.Agent.Reporting;
using Measure.Sensors.Clocks;
using Measure.Sensors.Power;
using Measure.Sensors.Sampling;
using Measure.Sensors.Sampling.Probes;
using Measure.Sensors.Thermal;
using ContractTrace = Measure.Contracts.SensorTrace;

namespace Measure.Agent.Android.Sensing;

/// <summary>
/// What a phone can be sampled for over adb: the battery fuel gauge, every thermal zone, every core's clock
/// (through the sensors library's own readers on the mirror) and Android's thermal status.
/// </summary>
public sealed class PhoneSensors
{
    /// <summary>Read once to discover what exists: types, limits and trip points are configuration.</summary>
    public static readonly IReadOnlyList<string> DiscoveryFiles =
    [
        "/sys/class/power_supply/*/type", "/sys/class/power_supply/*/status", "/sys/class/power_supply/*/current_now",
        "/sys/class/power_supply/*/voltage_now", "/sys/class/thermal/thermal_zone*/type", "/sys/class/thermal/thermal_zone*/temp",
        "/sys/class/thermal/thermal_zone*/trip_point_*_temp", "/sys/class/thermal/thermal_zone*/trip_point_*_type",
        "/sys/devices/system/cpu/cpu[0-9]*/cpufreq/cpuinfo_max_freq", "/sys/devices/system/cpu/cpu[0-9]*/cpufreq/scaling_cur_freq",
    ];

    private PhoneSensors(MirrorRefreshProbe refresh, IReadOnlyList<ISensorProbe> probes, PowerSourceInfo? gauge, string? gaugeUnavailable)
    {
        Refresh = refresh;
        Probes = probes;
        Gauge = gauge;
        GaugeUnavailableReason = gaugeUnavailable;
    }

    public MirrorRefreshProbe Refresh { get; }

    /// <summary>The refresh probe first, then the readers of the mirror, then the thermal status.</summary>
    public IReadOnlyList<ISensorProbe> Probes { get; }

    public PowerSourceInfo? Gauge { get; }

    public string? GaugeUnavailableReason { get; }

    public static PhoneSensors Discover(AdbClient adb, PhoneMirror mirror, FuelGaugeUnits units = FuelGaugeUnits.Auto)
    {
        ArgumentNullException.ThrowIfNull(adb);
        ArgumentNullException.ThrowIfNull(mirror);
        mirror.Refresh(DiscoveryFiles);
        var root = mirror.Root;
        var readers = new List<ISensorProbe>();
        var tickFiles = new List<string>();
        var (gauge, unavailable) = AndroidFuelGaugeSource.TryOpen(root, units);
        if (gauge is not null)
        {
            readers.Add(new PowerSourceProbe(gauge));
            tickFiles.AddRange(new[] { "status", "current_now", "voltage_now" }.Select(f => $"/sys/class/power_supply/{gauge.Info.Name}/{f}"));
        }
        var zones = ThermalZone.Discover(root);
        if (zones.Count > 0)
        {
            readers.Add(new ThermalZoneProbe(root, zones));
            tickFiles.AddRange(zones.Select(z => string.Create(CultureInfo.InvariantCulture, $"/sys/class/thermal/thermal_zone{z.Index}/temp")));
        }
        var cores = CpuCoreClock.Discover(root);
        if (cores.Count > 0)
        {
            readers.Add(new CpuClockProbe(root, cores));
            tickFiles.AddRange(cores.Select(c => $"/sys/devices/system/cpu/{c.Name}/cpufreq/scaling_cur_freq"));
        }
        var refresh = new MirrorRefreshProbe(mirror, tickFiles);
        var probes = new List<ISensorProbe> { refresh };
        probes.AddRange(readers);
        if (ThermalStatus.Parse(adb.Shell(mirror.Serial, "dumpsys thermalservice").StandardOutput) is not null)
            probes.Add(new ThermalStatusProbe(adb, mirror.Serial));
        return new PhoneSensors(refresh, probes, gauge?.Info, unavailable);
    }

    /// <summary>Wire traces of a phone's sampler: as on Linux, plus the thermal status under its own kind and source.</summary>
    public static IReadOnlyList<ContractTrace> ToContract(SensorTrace trace, long origin) =>
        TraceConverter.ToContract(trace, origin, MonotonicClock.TicksPerSecond)
            .Select(t => t.Sensor == ThermalStatusProbe.ChannelName ? t with { Kind = "thermal-status", Source = "dumpsys thermalservice" } : t with { Source = $"adb {t.Source}" })
            .ToList();
}
