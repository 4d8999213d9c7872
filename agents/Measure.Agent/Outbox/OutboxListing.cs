namespace Measure.Agent.Outbox;

/// <summary>What <c>measure-agent outbox --json</c> prints.</summary>
public sealed record OutboxListing(string Directory, IReadOnlyList<OutboxEntry> Pending, IReadOnlyList<RejectedEntry> Rejected);
