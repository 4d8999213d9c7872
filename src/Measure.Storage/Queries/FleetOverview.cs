namespace Measure.Storage.Queries;

/// <summary>What the fleet view shows: every agent, the queue by state and the most recent failures.</summary>
public sealed record FleetOverview(
    IReadOnlyList<AgentRow> Agents,
    IReadOnlyDictionary<string, int> JobsByState,
    IReadOnlyList<FailedJobRow> RecentFailures);

/// <summary>One agent; <see cref="Status"/> is derived from the heartbeat at the time of the query.</summary>
public sealed record AgentRow(
    Guid Id,
    string Name,
    string? DeviceName,
    IReadOnlyList<string> Tags,
    string State,
    string Status,
    DateTime? LastHeartbeatUtc,
    int OutboxPending,
    string? CurrentJobSuite);

public sealed record FailedJobRow(Guid Id, string SuiteId, string? AgentName, DateTime? FinishedAtUtc, int Attempts, string? LastError);
