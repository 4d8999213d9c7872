namespace Measure.Storage.Entities;

public sealed class WorkloadResultEntity
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public int Ordinal { get; set; }
    public required string Workload { get; set; }
    public required string Precision { get; set; }
    public required string Isa { get; set; }
    public int Threads { get; set; }
    public required string ComparabilityKey { get; set; }
    public required string ParametersJson { get; set; }
    public string? ValuesJson { get; set; }
    public string? FlagsJson { get; set; }

    /// <summary>Per-metric summaries (<see cref="WorkloadSummaries"/>); null only on rows awaiting backfill.</summary>
    public string? SummaryJson { get; set; }
    public List<SampleSeriesEntity> Samples { get; set; } = [];
}
