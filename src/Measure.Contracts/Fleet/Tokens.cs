namespace Measure.Contracts.Fleet;

/// <summary><c>POST /api/v1/tokens</c> (admin): kind is admin, ci or read.</summary>
public sealed record CreateTokenRequest(string Kind, string Name);

/// <summary>The secret is shown once; only its salted hash is stored.</summary>
public sealed record TokenCreated(string Id, string Kind, string Token);

/// <summary>A token as listed: never its secret.</summary>
public sealed record TokenInfo(string Id, string Kind, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, Guid? AgentId = null);

/// <summary>
/// <c>POST /api/v1/enrollment-tokens</c> (admin): expiring; enrolling agents get these tags. <paramref name="Uses"/>
/// agents may enroll with it (1 by default; a lab host's phones share one).
/// </summary>
public sealed record CreateEnrollmentTokenRequest(IReadOnlyList<string> Tags, int ExpiresInMinutes = 60, int Uses = 1);

public sealed record EnrollmentTokenCreated(string Token, DateTimeOffset ExpiresAt, int Uses = 1);
