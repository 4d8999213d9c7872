namespace Measure.Contracts;

/// <summary>What the device is, as far as results may depend on it.</summary>
public sealed record DeviceFingerprint(
    string Os,
    string KernelRelease,
    string Architecture,
    string CpuModel,
    int LogicalCores,
    IReadOnlyList<string> IsaFeatures,
    long MemoryBytes,
    string DotnetVersion,
    string AgentVersion,
    string? BoardModel = null,
    string? Hostname = null,
    DeviceLimits? Limits = null);
