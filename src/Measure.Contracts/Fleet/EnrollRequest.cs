namespace Measure.Contracts.Fleet;

/// <summary>
/// <c>POST /api/v1/agents/enroll</c> (no bearer token: the single-use enrollment token is the credential).
/// Tags (e.g. "rpi5", "lab-a") are how jobs select devices.
/// </summary>
public sealed record EnrollRequest(string EnrollmentToken, string Name, DeviceFingerprint Device, IReadOnlyList<string> Tags);

/// <summary>The agent's own credential; shown once, stored hashed by the server.</summary>
public sealed record EnrollResponse(Guid AgentId, string AgentToken);
