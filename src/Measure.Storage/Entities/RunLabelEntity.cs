namespace Measure.Storage.Entities;

/// <summary>A run's label (branch=main, commit=abc) as a row, so runs can be found by label on any provider.</summary>
public sealed class RunLabelEntity
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}
