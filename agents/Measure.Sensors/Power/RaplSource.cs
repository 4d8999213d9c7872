using Measure.Sensors.IO;

namespace Measure.Sensors.Power;

/// <summary>
/// One Linux powercap RAPL zone (/sys/class/powercap/intel-rapl:N[:M], also used on AMD Zen):
/// an energy_uj counter in microjoules that wraps at max_energy_range_uj.
/// </summary>
public sealed class RaplSource : IPowerSource
{
    /// <summary>
    /// RAPL energy is a firmware model calibrated against on-die sensors; published validations
    /// against external meters find package energy within a few percent. We state ±5 %.
    /// </summary>
    public const double RelativeUncertainty = 0.05;

    private readonly SysRoot _root;
    private readonly string _zonePath;
    private readonly EnergyCounterUnwrapper _unwrapper;
    private readonly Lock _gate = new();

    private RaplSource(SysRoot root, string zonePath, string zoneName, long maxRangeMicrojoules)
    {
        _root = root;
        _zonePath = zonePath;
        _unwrapper = new EnergyCounterUnwrapper(maxRangeMicrojoules);
        Info = new PowerSourceInfo(PowerSourceKinds.Rapl, zoneName, ScopeOf(zoneName), RelativeUncertainty, IsCumulativeCounter: true);
    }

    public PowerSourceInfo Info { get; }

    /// <summary>
    /// Opens a zone, or explains why it cannot be used. Since Linux 5.10 energy_uj is root-only
    /// (the PLATYPUS side channel), so an unprivileged agent typically sees the zone but cannot read it.
    /// </summary>
    public static (RaplSource? Source, string? UnavailableReason) TryOpen(SysRoot root, string zonePath)
    {
        ArgumentNullException.ThrowIfNull(root);
        var name = root.TryReadLine(zonePath + "/name") ?? Path.GetFileName(zonePath);
        if (root.TryReadInt64(zonePath + "/max_energy_range_uj") is not { } maxRange || maxRange <= 0)
            return (null, $"RAPL zone {name}: max_energy_range_uj is missing or unreadable");
        if (root.TryReadInt64(zonePath + "/energy_uj") is null)
            return (null, $"RAPL zone {name}: energy_uj is not readable (root-only since Linux 5.10)");
        return (new RaplSource(root, zonePath, name, maxRange), null);
    }

    public PowerReading Read()
    {
        if (_root.TryReadInt64(_zonePath + "/energy_uj") is not { } raw)
            return PowerReading.Unavailable($"RAPL zone {Info.Name}: energy_uj could not be read");
        lock (_gate)
        {
            try
            {
                return PowerReading.Energy(_unwrapper.Observe(raw) / 1e6);
            }
            catch (ArgumentOutOfRangeException)
            {
                return PowerReading.Unavailable($"RAPL zone {Info.Name}: energy_uj {raw} is outside max_energy_range_uj");
            }
        }
    }

    private static PowerScope ScopeOf(string zoneName) => zoneName switch
    {
        _ when zoneName.StartsWith("package", StringComparison.Ordinal) => PowerScope.CpuPackage,
        "psys" => PowerScope.Platform,
        "core" => PowerScope.CpuCores,
        "uncore" => PowerScope.Uncore,
        "dram" => PowerScope.Dram,
        _ => PowerScope.PartialRails,
    };
}
