using Measure.Sensors.IO;

namespace Measure.Sensors.Clocks;

/// <summary>
/// A devfreq device (/sys/class/devfreq/*): on Jetson the GPU ("17000000.ga10b" or "17000000.gpu")
/// and, where exposed, the memory controller (EMC). Frequencies are in Hz.
/// </summary>
public sealed record DevfreqClock(string DeviceName, DevfreqRole Role, long? MaxHz)
{
    public static IReadOnlyList<DevfreqClock> Discover(SysRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.ListEntries("/sys/class/devfreq", "*")
            .Where(path => root.FileExists(path + "/cur_freq"))
            .Select(path => new DevfreqClock(Path.GetFileName(path), RoleOf(Path.GetFileName(path)), root.TryReadInt64(path + "/max_freq")))
            .ToArray();
    }

    public long? ReadCurrentHz(SysRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.TryReadInt64($"/sys/class/devfreq/{DeviceName}/cur_freq");
    }

    // NVIDIA names its integrated GPUs by generation: gp10b (TX2), gv11b (Xavier), ga10b (Orin).
    private static readonly string[] GpuNameEndings = [".gpu", ".gp10b", ".gv11b", ".ga10b"];

    private static DevfreqRole RoleOf(string name) => name switch
    {
        _ when GpuNameEndings.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) => DevfreqRole.Gpu,
        _ when name.Contains("emc", StringComparison.OrdinalIgnoreCase) => DevfreqRole.MemoryController,
        _ => DevfreqRole.Other,
    };
}

public enum DevfreqRole
{
    Gpu,
    MemoryController,
    Other,
}
