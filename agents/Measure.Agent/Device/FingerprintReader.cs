using System.Runtime.InteropServices;
using Measure.Contracts;
using Measure.Sensors.IO;
using Measure.Sensors.Platform;

namespace Measure.Agent.Device;

/// <summary>Builds the device fingerprint from the platform files and the runtime.</summary>
public static class FingerprintReader
{
    public static DeviceFingerprint Read(SysRoot root, DeviceLimits? limits = null)
    {
        var platform = PlatformInfo.Read(root);
        return new DeviceFingerprint(
            Os: platform.OsPrettyName ?? RuntimeInformation.OSDescription,
            KernelRelease: platform.KernelRelease ?? "unknown",
            Architecture: RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
            CpuModel: platform.CpuModel ?? platform.SocName ?? "unknown",
            LogicalCores: platform.LogicalCores ?? Environment.ProcessorCount,
            IsaFeatures: IsaFeatures.Detect(),
            MemoryBytes: platform.TotalMemoryBytes ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            DotnetVersion: Environment.Version.ToString(),
            AgentVersion: AgentVersion.Current,
            BoardModel: platform.BoardModel,
            Hostname: Environment.MachineName,
            Limits: limits);
    }
}
