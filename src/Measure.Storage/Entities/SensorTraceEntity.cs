namespace Measure.Storage.Entities;

/// <summary>One sensor's trace over a run; times and values packed by <see cref="SampleCodec"/>.</summary>
public sealed class SensorTraceEntity
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public int Ordinal { get; set; }
    public required string Sensor { get; set; }
    public required string Kind { get; set; }
    public required string Unit { get; set; }
    public required string Source { get; set; }
    public int Count { get; set; }
    public required byte[] Times { get; set; }
    public required byte[] Values { get; set; }
}
