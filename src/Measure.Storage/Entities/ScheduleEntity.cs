namespace Measure.Storage.Entities;

/// <summary>A recurring job: every <see cref="IntervalMinutes"/> it queues the suite for the matching agents.</summary>
public sealed class ScheduleEntity
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string SuiteYaml { get; set; }
    public required string SelectorTagsJson { get; set; }
    public bool EveryMatchingAgent { get; set; }
    public int Priority { get; set; }
    public string? LabelsJson { get; set; }
    public int IntervalMinutes { get; set; }
    public DateTime NextRunUtc { get; set; }
    public bool Enabled { get; set; }
}
