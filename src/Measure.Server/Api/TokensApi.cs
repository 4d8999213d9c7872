using Measure.Contracts;
using Measure.Contracts.Fleet;
using Measure.Server.Auth;
using Measure.Storage.Fleet;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Measure.Server.Api;

/// <summary>Admin-only: issue, list and revoke tokens; issue expiring enrollment tokens (one or several uses) for agents.</summary>
public static class TokensApi
{
    private const long MaxBodyBytes = 64 * 1024;

    // A hub of phones or a rack of boards; a leaked token enrolls at most this many impostors before it is used up.
    private const int MaxEnrollmentUses = 1000;

    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/v1").WithTags("Tokens").RequireAuthorization(AuthExtensions.AdminPolicy);
        tokens.MapPost("/tokens", CreateAsync);
        tokens.MapGet("/tokens", ListAsync);
        tokens.MapDelete("/tokens/{id}", RevokeAsync);
        tokens.MapPost("/enrollment-tokens", CreateEnrollmentAsync);
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ApiTokens tokens, CancellationToken cancellationToken)
    {
        var body = await RequestJson.ReadAsync(http, MeasureJson.Context.CreateTokenRequest, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;
        var request = body.Value!;
        if (!TokenKind.Issuable.Contains(request.Kind))
            return RequestJson.Invalid("kind", $"Must be one of: {string.Join(", ", TokenKind.Issuable)} (agents get tokens by enrolling).");
        if (string.IsNullOrWhiteSpace(request.Name))
            return RequestJson.Invalid("name", "Must not be empty.");
        var issued = await tokens.IssueAsync(request.Kind, request.Name, cancellationToken);
        return TypedResults.Json(new TokenCreated(issued.Entity.Id, issued.Entity.Kind, issued.Token), MeasureJson.Context.TokenCreated, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<JsonHttpResult<IReadOnlyList<TokenInfo>>> ListAsync(ApiTokens tokens, CancellationToken cancellationToken)
    {
        var list = await tokens.ListAsync(cancellationToken);
        IReadOnlyList<TokenInfo> infos = list.Select(t => new TokenInfo(t.Id, t.Kind, t.Name, Utc(t.CreatedAtUtc), t.RevokedAtUtc is { } r ? Utc(r) : null, t.AgentId)).ToList();
        return TypedResults.Json(infos, MeasureJson.Context.IReadOnlyListTokenInfo);
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(string id, ApiTokens tokens, CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<IResult> CreateEnrollmentAsync(HttpContext http, ApiTokens tokens, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await RequestJson.ReadAsync(http, MeasureJson.Context.CreateEnrollmentTokenRequest, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;
        var request = body.Value!;
        if (request.ExpiresInMinutes is < 1 or > 60 * 24 * 30)
            return RequestJson.Invalid("expiresInMinutes", "Must be between 1 and 43200 (30 days).");
        if (request.Uses is < 1 or > MaxEnrollmentUses)
            return RequestJson.Invalid("uses", $"Must be between 1 and {MaxEnrollmentUses}.");
        if (request.Tags.Any(string.IsNullOrWhiteSpace))
            return RequestJson.Invalid("tags", "Tags must not be empty.");
        var expires = clock.GetUtcNow().AddMinutes(request.ExpiresInMinutes);
        var issued = await tokens.IssueAsync(TokenKind.Enrollment, "enrollment", agentId: null, expires.UtcDateTime, JsonText.Tags(request.Tags), request.Uses, cancellationToken);
        return TypedResults.Json(new EnrollmentTokenCreated(issued.Token, expires, request.Uses), MeasureJson.Context.EnrollmentTokenCreated, statusCode: StatusCodes.Status201Created);
    }

    internal static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
