using System.Globalization;
using Measure.Sensors.IO;

namespace Measure.Sensors.Clocks;

/// <summary>A logical core's cpufreq attributes: scaling_cur_freq is read each sample, cpuinfo_max_freq once.</summary>
public sealed record CpuCoreClock(int Core, long MaxKHz)
{
    public string Name => $"cpu{Core.ToString(CultureInfo.InvariantCulture)}";

    public static IReadOnlyList<CpuCoreClock> Discover(SysRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var cores = new List<CpuCoreClock>();
        foreach (var path in root.ListEntries("/sys/devices/system/cpu", "cpu*"))
        {
            var name = Path.GetFileName(path);
            if (!int.TryParse(name.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var core))
                continue;
            if (root.TryReadInt64(path + "/cpufreq/cpuinfo_max_freq") is { } max and > 0
                && root.FileExists(path + "/cpufreq/scaling_cur_freq"))
                cores.Add(new CpuCoreClock(core, max));
        }
        return cores;
    }

    /// <summary>The current frequency in kHz; null when unreadable (e.g. the core is offline).</summary>
    public long? ReadCurrentKHz(SysRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.TryReadInt64($"/sys/devices/system/cpu/{Name}/cpufreq/scaling_cur_freq");
    }
}
