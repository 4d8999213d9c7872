namespace Measure.Storage.Entities;

/// <summary>A device, identified by the hash of the stable part of its fingerprint.</summary>
public sealed class DeviceEntity
{
    public long Id { get; set; }
    public required string FingerprintHash { get; set; }
    public required string Name { get; set; }
    public required string CpuModel { get; set; }
    public string? BoardModel { get; set; }
    public required string Os { get; set; }
    public required string Architecture { get; set; }
    public int LogicalCores { get; set; }
    public long MemoryBytes { get; set; }
    public DateTime FirstSeenUtc { get; set; }
    public DateTime LastSeenUtc { get; set; }
}
