using Measure.Sensors.IO;

namespace Measure.Sensors.Memory;

/// <summary>This process's resident memory from /proc/self/status: VmRSS now and VmHWM, the peak since start.</summary>
public sealed record ProcessMemory(long? ResidentBytes, long? PeakResidentBytes)
{
    public static ProcessMemory Read(SysRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = root.TryReadText("/proc/self/status");
        if (text is null)
            return new ProcessMemory(null, null);
        var fields = KilobyteFields.Parse(text);
        return new ProcessMemory(fields.GetValueOrDefault("VmRSS"), fields.GetValueOrDefault("VmHWM"));
    }

    /// <summary>
    /// Starts a new peak: writing 5 to /proc/self/clear_refs sets VmHWM back to the current VmRSS (Linux 4.0+), so
    /// a workload's peak is its own and not an earlier workload's. False where the file is missing or not writable.
    /// </summary>
    public static bool TryResetPeak(SysRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var path = root.Resolve("/proc/self/clear_refs");
        if (!File.Exists(path))
            return false;
        try
        {
            File.WriteAllText(path, "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
