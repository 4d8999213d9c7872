namespace Measure.Contracts.Fleet;

/// <summary><c>POST /api/v1/agents/heartbeat</c> with the agent token; the fingerprint refreshes the inventory.</summary>
public sealed record HeartbeatRequest(DeviceFingerprint Device, string State, int OutboxPending = 0);

public sealed record HeartbeatResponse(DateTimeOffset ServerTime);
