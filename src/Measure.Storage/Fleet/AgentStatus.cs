namespace Measure.Storage.Fleet;

/// <summary>Liveness derived from the last heartbeat, so it is never stale state in a column.</summary>
public static class AgentStatus
{
    public static readonly TimeSpan OnlineWithin = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan StaleWithin = TimeSpan.FromHours(24);

    public static string Of(DateTime? lastHeartbeatUtc, DateTime nowUtc) => lastHeartbeatUtc switch
    {
        null => "offline",
        { } t when nowUtc - t <= OnlineWithin => "online",
        { } t when nowUtc - t <= StaleWithin => "stale",
        _ => "offline",
    };
}
