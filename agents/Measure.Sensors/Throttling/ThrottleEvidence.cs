namespace Measure.Sensors.Throttling;

/// <summary>One reason to believe a run throttled: which channel, what it showed, and from when.</summary>
public sealed record ThrottleEvidence(string Channel, string Description, long FirstTimestamp);
