namespace Measure.Contracts.Fleet;

/// <summary>An agent in the fleet inventory; <see cref="Status"/> is online, stale or offline from its last heartbeat.</summary>
public sealed record AgentInfo(
    Guid AgentId,
    string Name,
    IReadOnlyList<string> Tags,
    string Status,
    string State,
    DateTimeOffset? LastHeartbeat,
    int OutboxPending,
    string? DeviceName = null,
    string? CpuModel = null);

/// <summary>A job as listed (the suite YAML is omitted).</summary>
public sealed record JobInfo(
    Guid JobId,
    string SuiteId,
    string State,
    int Priority,
    IReadOnlyList<string> SelectorTags,
    Guid? AgentId,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    Guid? RunId,
    string? LastError);

/// <summary><c>POST /api/v1/schedules</c> (admin or CI): queue the suite every <see cref="IntervalMinutes"/>, first at <see cref="FirstRunAt"/>.</summary>
public sealed record CreateScheduleRequest(
    string Name,
    string SuiteYaml,
    DeviceSelector Selector,
    int IntervalMinutes,
    DateTimeOffset? FirstRunAt = null,
    int Priority = 0,
    IReadOnlyDictionary<string, string>? Labels = null);

public sealed record ScheduleInfo(Guid ScheduleId, string Name, IReadOnlyList<string> SelectorTags, bool EveryMatchingAgent, int IntervalMinutes, DateTimeOffset NextRunAt, bool Enabled);
