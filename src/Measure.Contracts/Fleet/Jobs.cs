namespace Measure.Contracts.Fleet;

/// <summary>
/// <c>POST /api/v1/jobs</c> (admin or CI token): run a suite on one agent matching the selector, or on every
/// matching agent enrolled now (<see cref="DeviceSelector.EveryMatchingAgent"/>: one job per agent).
/// The suite travels as its YAML text, so agents need no copy of the repository.
/// </summary>
public sealed record CreateJobRequest(string SuiteYaml, DeviceSelector Selector, int Priority = 0, IReadOnlyDictionary<string, string>? Labels = null);

/// <summary>All listed tags must be on the agent; an empty selector matches any agent.</summary>
public sealed record DeviceSelector(IReadOnlyList<string> Tags, Guid? AgentId = null, bool EveryMatchingAgent = false);

public sealed record JobCreated(IReadOnlyList<Guid> JobIds);

/// <summary><c>POST /api/v1/jobs/lease</c> (agent token): 200 with a lease, or 204 when nothing matches.</summary>
public sealed record LeaseRequest(int VisibilitySeconds = 300);

/// <summary>A leased job: invisible to other agents until <see cref="ExpiresAt"/>; renew before it passes.</summary>
public sealed record JobLease(Guid JobId, Guid LeaseId, string SuiteYaml, DateTimeOffset ExpiresAt, IReadOnlyDictionary<string, string>? Labels = null);

/// <summary><c>POST /api/v1/jobs/{id}/renew</c>; 409 when the lease was lost (expired and taken by another agent).</summary>
public sealed record RenewRequest(Guid LeaseId, int VisibilitySeconds = 300);

public sealed record RenewResponse(DateTimeOffset ExpiresAt);

/// <summary><c>POST /api/v1/jobs/{id}/complete</c> after the run was uploaded (the run id links job and result).</summary>
public sealed record CompleteJobRequest(Guid LeaseId, Guid RunId);

/// <summary><c>POST /api/v1/jobs/{id}/fail</c>: the job returns to the queue unless its attempts are used up.</summary>
public sealed record FailJobRequest(Guid LeaseId, string Reason);
