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

    public async Task<Issued> IssueAsync(string kind, string name, CancellationToken cancellationToken = default) =>
        await IssueAsync(kind, name, agentId: null, expiresAtUtc: null, tags: null, cancellationToken).ConfigureAwait(false);

    public async Task<Issued> IssueAsync(string kind, string name, Guid? agentId, DateTime? expiresAtUtc, string? tags, CancellationToken cancellationToken = default) =>
        await IssueAsync(kind, name, agentId, expiresAtUtc, tags, maxUses: 1, cancellationToken).ConfigureAwait(false);

    /// <param name="maxUses">For enrollment tokens: how many agents the token may enroll.</param>
    public async Task<Issued> IssueAsync(string kind, string name, Guid? agentId, DateTime? expiresAtUtc, string? tags, int maxUses, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUses, 1);
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
            AgentId = agentId,
            ExpiresAtUtc = expiresAtUtc,
            TagsJson = tags,
            MaxUses = maxUses,
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
        if (entity is null || entity.RevokedAtUtc is not null || entity.ExpiresAtUtc < clock.GetUtcNow().UtcDateTime)
            return null;
        return CryptographicOperations.FixedTimeEquals(HashSecret(entity.Salt, secret), entity.Hash) ? entity : null;
    }

    /// <summary>
    /// Checks an enrollment token and counts one use in one conditional update, so agents racing with the same
    /// token can never enroll more than its uses allow. Null when the token is unknown, used up, expired or revoked.
    /// </summary>
    public async Task<ApiTokenEntity?> ConsumeEnrollmentAsync(string presented, CancellationToken cancellationToken = default)
    {
        var token = await VerifyAsync(presented, cancellationToken).ConfigureAwait(false);
        if (token is null || token.Kind != TokenKind.Enrollment || token.UseCount >= token.MaxUses)
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.ApiTokens.Where(t => t.Id == token.Id && t.UseCount < t.MaxUses)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UseCount, t => t.UseCount + 1).SetProperty(t => t.UsedAtUtc, now), cancellationToken).ConfigureAwait(false);
        return claimed == 1 ? token : null;
    }

    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.ApiTokens.Where(t => t.Id == id && t.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, now), cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<ApiTokenEntity>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.ApiTokens.AsNoTracking().Where(t => t.Kind != TokenKind.Enrollment).OrderBy(t => t.CreatedAtUtc).ToListAsync(cancellationToken).ConfigureAwait(false);

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
