using System.Security.Cryptography;
using System.Text;
using Measure.Storage;
using Measure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Measure.Server.Auth;

/// <summary>
/// Issues and verifies bearer tokens of the form <c>msr_{id}_{secret}</c>. The id finds the row; the
/// secret is checked against a salted SHA-256 in constant time. The secret has 256 bits of entropy,
/// so a fast hash is enough: there is no password to brute-force.
/// </summary>
public sealed class ApiTokens(MeasureDbContext db, TimeProvider clock)
{
    private const string Prefix = "msr_";

    public sealed record Issued(string Token, ApiTokenEntity Entity);

    public async Task<Issued> IssueAsync(string kind, string name, CancellationToken cancellationToken = default)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var salt = RandomNumberGenerator.GetBytes(16);
        var entity = new ApiTokenEntity
        {
            Id = id,
            Name = name,
            Kind = kind,
            Salt = salt,
            Hash = HashSecret(salt, secret),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new Issued($"{Prefix}{id}_{secret}", entity);
    }

    /// <summary>The token's row when the presented token is valid and not revoked; otherwise null.</summary>
    public async Task<ApiTokenEntity?> VerifyAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (!TryParse(presented, out var id, out var secret))
            return null;
        var entity = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken).ConfigureAwait(false);
        if (entity is null || entity.RevokedAtUtc is not null)
            return null;
        return CryptographicOperations.FixedTimeEquals(HashSecret(entity.Salt, secret), entity.Hash) ? entity : null;
    }

    public Task<bool> AnyOfKindAsync(string kind, CancellationToken cancellationToken = default) =>
        db.ApiTokens.AnyAsync(t => t.Kind == kind && t.RevokedAtUtc == null, cancellationToken);

    private static bool TryParse(string token, out string id, out string secret)
    {
        id = secret = "";
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var rest = token.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator != 12)
            return false;
        id = rest[..separator].ToString();
        secret = rest[(separator + 1)..].ToString();
        return secret.Length > 0;
    }

    private static byte[] HashSecret(byte[] salt, string secret) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(secret)]);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
