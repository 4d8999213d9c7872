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
}
