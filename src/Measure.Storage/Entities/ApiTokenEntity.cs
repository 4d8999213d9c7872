namespace Measure.Storage.Entities;

/// <summary>
/// A bearer token. Only a salted hash of its secret is stored; <see cref="Id"/> is the public part of
/// the token, used to find the row before the constant-time comparison.
/// </summary>
public sealed class ApiTokenEntity
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public required byte[] Salt { get; set; }
    public required byte[] Hash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }

    /// <summary>Enrollment tokens expire; other kinds leave these null. <see cref="UsedAtUtc"/> is the latest use.</summary>
    public DateTime? ExpiresAtUtc { get; set; }
    public DateTime? UsedAtUtc { get; set; }

    /// <summary>
    /// How many agents an enrollment token may enroll (1 for a single device; a lab host enrolling its phones
    /// gets one token for all of them) and how many it has enrolled so far.
    /// </summary>
    public int MaxUses { get; set; } = 1;
    public int UseCount { get; set; }

    /// <summary>For agent tokens, the agent they authenticate; for enrollment tokens, tags given to the enrolling agent.</summary>
    public Guid? AgentId { get; set; }
    public string? TagsJson { get; set; }
}
