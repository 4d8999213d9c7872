using Measure.Contracts;
using Measure.Contracts.Fleet;
using Measure.Server.Auth;
using Measure.Storage;
using Measure.Storage.Fleet;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Measure.Server.Api;

/// <summary>Fleet membership: enrollment (with a single-use token), heartbeats and the inventory.</summary>
public static class AgentsApi
{
    private const long MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapAgentsApi(this IEndpointRouteBuilder app)
    {
        var agents = app.MapGroup("/api/v1/agents").WithTags("Agents");
        agents.MapPost("/enroll", EnrollAsync).AllowAnonymous();
        agents.MapPost("/heartbeat", HeartbeatAsync).RequireAuthorization(AuthExtensions.AgentPolicy);
        agents.MapGet("/", ListAsync).RequireAuthorization(AuthExtensions.ReadPolicy);
        return app;
    }

    private static async Task<IResult> EnrollAsync(HttpContext http, ApiTokens tokens, AgentRegistry registry, MeasureDbContext db, CancellationToken cancellationToken)
    {
        var body = await RequestJson.ReadAsync(http, MeasureJson.Context.EnrollRequest, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;
        var request = body.Value!;
        if (string.IsNullOrWhiteSpace(request.Name))
            return RequestJson.Invalid("name", "Must not be empty.");
        var deviceErrors = RunReportValidator.ValidateDevice(request.Device);
        if (deviceErrors.Count > 0)
            return RequestJson.Invalid(deviceErrors[0].Field, deviceErrors[0].Message);
        // Consuming the enrollment token and creating the agent succeed or fail together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var enrollment = await tokens.ConsumeEnrollmentAsync(request.EnrollmentToken, cancellationToken);
        if (enrollment is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Enrollment refused", detail: "The enrollment token is unknown, used, expired or revoked.");
        var agentId = Guid.NewGuid();
        var issued = await tokens.IssueAsync(TokenKind.Agent, $"agent {request.Name}", agentId, expiresAtUtc: null, tags: null, cancellationToken);
        await registry.AddAsync(agentId, request.Name, issued.Entity.Id, request.Device,
            request.Tags.Concat(JsonText.ReadTags(enrollment.TagsJson)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Json(new EnrollResponse(agentId, issued.Token), MeasureJson.Context.EnrollResponse, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> HeartbeatAsync(HttpContext http, AgentRegistry registry, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await RequestJson.ReadAsync(http, MeasureJson.Context.HeartbeatRequest, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;
        var request = body.Value!;
        if (!await registry.HeartbeatAsync(http.User.AgentId()!.Value, request.Device, request.State, request.OutboxPending, cancellationToken))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown agent");
        return TypedResults.Json(new HeartbeatResponse(clock.GetUtcNow()), MeasureJson.Context.HeartbeatResponse);
    }

    private static async Task<JsonHttpResult<IReadOnlyList<AgentInfo>>> ListAsync(AgentRegistry registry, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        IReadOnlyList<AgentInfo> agents = (await registry.ListAsync(cancellationToken)).Select(a => new AgentInfo(
            a.Id, a.Name, AgentRegistry.Tags(a), AgentStatus.Of(a.LastHeartbeatUtc, now), a.State,
            a.LastHeartbeatUtc is { } t ? TokensApi.Utc(t) : null, a.OutboxPending, a.Device?.Name, a.Device?.CpuModel)).ToList();
        return TypedResults.Json(agents, MeasureJson.Context.IReadOnlyListAgentInfo);
    }
}
