namespace Measure.Storage.Entities;

/// <summary>All raw samples of one metric of one workload result, packed by <see cref="SampleCodec"/>.</summary>
public sealed class SampleSeriesEntity
{
    public long Id { get; set; }
    public long WorkloadResultId { get; set; }
    public int Ordinal { get; set; }
    public required string Metric { get; set; }
    public int Count { get; set; }
    public required byte[] Data { get; set; }
}
