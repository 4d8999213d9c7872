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
}
