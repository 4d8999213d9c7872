namespace Measure.Storage.Entities;

/// <summary>
/// One execution of a suite by one agent. Leasing is a conditional update on (State, LeaseExpiresUtc), so a
/// job is never held by two agents, whichever server instance answers.
/// </summary>
public sealed class JobEntity
{
    public Guid Id { get; set; }
    public required string SuiteYaml { get; set; }
    public required string SuiteId { get; set; }
    public required string SelectorTagsJson { get; set; }
    public Guid? SelectorAgentId { get; set; }
    public int Priority { get; set; }
    public string? LabelsJson { get; set; }
    public required string State { get; set; }
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; }
    public Guid? LeaseId { get; set; }
    public Guid? LeasedByAgentId { get; set; }
    public DateTime? LeaseExpiresUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public Guid? RunId { get; set; }
    public string? LastError { get; set; }
    public Guid? ScheduleId { get; set; }
}
