namespace Measure.Storage.Entities;

/// <summary>An enrolled agent: its credential, tags, device and liveness.</summary>
public sealed class AgentEntity
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string TokenId { get; set; }
    public long? DeviceId { get; set; }
    public DeviceEntity? Device { get; set; }

    /// <summary>JSON array of tags; jobs select agents by them.</summary>
    public required string TagsJson { get; set; }
    public string? FingerprintJson { get; set; }
    public required string State { get; set; }
    public int OutboxPending { get; set; }
    public DateTime EnrolledAtUtc { get; set; }
    public DateTime? LastHeartbeatUtc { get; set; }
}
