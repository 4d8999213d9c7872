namespace Measure.Agent.Outbox;

/// <summary>A finished run waiting on disk to be uploaded; <see cref="Job"/> links it to a fleet job, if any.</summary>
public sealed record OutboxEntry(Guid RunId, string Path, long Bytes, DateTimeOffset QueuedAt, JobTicket? Job);

/// <summary>The fleet job a run answers, so the job is completed once the run reaches the server.</summary>
public sealed record JobTicket(Guid JobId, Guid LeaseId);

/// <summary>A report the server refused for good (400, 409, 413 ...), kept with the reason instead of retried.</summary>
public sealed record RejectedEntry(Guid RunId, string Path, string Reason, DateTimeOffset RejectedAt);
