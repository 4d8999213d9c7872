using System.Globalization;
using Measure.Sensors.IO;
using Measure.Sensors.Memory;

namespace Measure.Sensors.Platform;

/// <summary>
/// The identity of the machine as the agent's device fingerprint needs it. Every field that
/// could not be read is null: an unreadable fact is reported as unknown, never guessed.
/// </summary>
/// <param name="CpuModel">x86 "model name", ARM core names from "CPU part", or the "Hardware" line.</param>
/// <param name="SocName">The legacy cpuinfo "Hardware" line (SoC name on Android/32-bit Pi kernels).</param>
/// <param name="LogicalCores">Processors listed in /proc/cpuinfo, else counted from /sys/devices/system/cpu/possible.</param>
/// <param name="CoreMaxFrequencies">Per-core cpuinfo_max_freq, null when no core exposes cpufreq.</param>
/// <param name="TotalMemoryBytes">MemTotal from /proc/meminfo.</param>
/// <param name="BoardModel">Device-tree model (Pi, Jetson), else DMI vendor + product name (x86).</param>
/// <param name="OsPrettyName">PRETTY_NAME from os-release.</param>
/// <param name="KernelRelease">/proc/sys/kernel/osrelease.</param>
public sealed record PlatformInfo(
    string? CpuModel,
    string? SocName,
    int? LogicalCores,
    IReadOnlyList<CpuCoreMaxFrequency>? CoreMaxFrequencies,
    long? TotalMemoryBytes,
    string? BoardModel,
    string? OsPrettyName,
    string? KernelRelease)
{
    public static PlatformInfo Read(SysRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var cpuInfoText = root.TryReadText("/proc/cpuinfo");
        var cpuInfo = cpuInfoText is null ? null : CpuInfo.Parse(cpuInfoText);
        var logicalCores = cpuInfo is { ProcessorCount: > 0 } ? cpuInfo.ProcessorCount : CountPossibleCpus(root);

        return new PlatformInfo(
            cpuInfo?.ModelName,
            cpuInfo?.SocName,
            logicalCores,
            ReadCoreMaxFrequencies(root),
            MemInfo.TryParse(root.TryReadText("/proc/meminfo"))?.TotalBytes,
            ReadBoardModel(root),
            ReadOsPrettyName(root),
            root.TryReadLine("/proc/sys/kernel/osrelease"));
    }

    private static int? CountPossibleCpus(SysRoot root)
    {
        var ranges = root.TryReadLine("/sys/devices/system/cpu/possible");
        return ranges is null ? null : CpuRangeList.Parse(ranges).Count;
    }

    private static IReadOnlyList<CpuCoreMaxFrequency>? ReadCoreMaxFrequencies(SysRoot root)
    {
        var frequencies = new List<CpuCoreMaxFrequency>();
        foreach (var cpuDirectory in root.ListEntries("/sys/devices/system/cpu", "cpu*"))
        {
            var core = NaturalNameComparer.TrailingNumber(Path.GetFileName(cpuDirectory));
            if (core is null || !cpuDirectory.EndsWith("cpu" + core.Value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
                continue;
            if (root.TryReadInt64(cpuDirectory + "/cpufreq/cpuinfo_max_freq") is { } maxKHz and > 0)
                frequencies.Add(new CpuCoreMaxFrequency((int)core.Value, maxKHz));
        }
        return frequencies.Count > 0 ? frequencies : null;
    }

    private static string? ReadBoardModel(SysRoot root)
    {
        var deviceTreeModel = root.TryReadLine("/proc/device-tree/model")
            ?? root.TryReadLine("/sys/firmware/devicetree/base/model");
        if (deviceTreeModel is not null)
            return deviceTreeModel;
        var vendor = root.TryReadLine("/sys/class/dmi/id/sys_vendor");
        var product = root.TryReadLine("/sys/class/dmi/id/product_name");
        return (vendor, product) switch
        {
            (null, null) => null,
            (null, _) => product,
            (_, null) => vendor,
            _ => product.StartsWith(vendor, StringComparison.OrdinalIgnoreCase) ? product : $"{vendor} {product}",
        };
    }

    private static string? ReadOsPrettyName(SysRoot root)
    {
        // os-release(5): /etc/os-release takes precedence, /usr/lib/os-release is the fallback.
        var text = root.TryReadText("/etc/os-release") ?? root.TryReadText("/usr/lib/os-release");
        return text is null ? null : OsRelease.Parse(text).GetValueOrDefault("PRETTY_NAME");
    }
}
