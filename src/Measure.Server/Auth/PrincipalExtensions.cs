using System.Security.Claims;

namespace Measure.Server.Auth;

public static class PrincipalExtensions
{
    public static string TokenKind(this ClaimsPrincipal user) => user.FindFirst(BearerTokenHandler.KindClaim)?.Value ?? "";

    public static string? TokenId(this ClaimsPrincipal user) => user.FindFirst(BearerTokenHandler.TokenIdClaim)?.Value;

    /// <summary>The enrolled agent behind an agent token; null for every other kind.</summary>
    public static Guid? AgentId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(BearerTokenHandler.AgentIdClaim)?.Value, out var id) ? id : null;
}
