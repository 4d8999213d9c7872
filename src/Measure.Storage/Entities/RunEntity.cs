namespace Measure.Storage.Entities;

/// <summary>One stored run. Immutable once written; its children are written in the same transaction.</summary>
public sealed class RunEntity
{
    public Guid Id { get; set; }
    public long DeviceId { get; set; }
    public DeviceEntity? Device { get; set; }
    public int SchemaVersion { get; set; }
    public required string SuiteId { get; set; }
    public int SuiteVersion { get; set; }
    public required string SuiteHash { get; set; }
    public required string AgentVersion { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime FinishedAtUtc { get; set; }
    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>SHA-256 of the canonical report: a re-upload with the same id must carry the same content.</summary>
    public required string ReportHash { get; set; }

    /// <summary>The fingerprint exactly as reported (JSON), limits and hostname included.</summary>
    public required string DeviceJson { get; set; }
    public required string MetricsJson { get; set; }
    public string? LabelsJson { get; set; }
    public string? FlagsJson { get; set; }
    public string? PhasesJson { get; set; }
    public int WorkloadCount { get; set; }

    /// <summary>The agent whose token uploaded the run, when an agent did.</summary>
    public Guid? UploadedByAgentId { get; set; }
    public List<RunLabelEntity> Labels { get; set; } = [];

    public List<WorkloadResultEntity> Workloads { get; set; } = [];
    public List<SensorTraceEntity> SensorTraces { get; set; } = [];
}
