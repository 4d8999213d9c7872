using Measure.Contracts;
using Measure.Contracts.Fleet;
using Measure.Server.Auth;
using Measure.Server.Fleet;
using Measure.Storage;
using Measure.Storage.Entities;
using Measure.Storage.Fleet;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Measure.Server.Api;

/// <summary>The job queue over HTTP: admins and CI create jobs; agents lease, renew, complete or fail their own.</summary>
public static class JobsApi
{
    private const long MaxBodyBytes = 512 * 1024;
    private static readonly TimeSpan MinVisibility = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxVisibility = TimeSpan.FromHours(6);

    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/v1/jobs").WithTags("Jobs");
        jobs.MapPost("/", CreateAsync).RequireAuthorization(AuthExtensions.CreateJobsPolicy);
        jobs.MapGet("/", ListAsync).RequireAuthorization(AuthExtensions.ReadPolicy);
        jobs.MapPost("/lease", LeaseAsync).RequireAuthorization(AuthExtensions.AgentPolicy);
        jobs.MapPost("/{id:guid}/renew", RenewAsync).RequireAuthorization(AuthExtensions.AgentPolicy);
        jobs.MapPost("/{id:guid}/complete", CompleteAsync).RequireAuthorization(AuthExtensions.AgentPolicy);
        jobs.MapPost("/{id:guid}/fail", FailAsync).RequireAuthorization(AuthExtensions.AgentPolicy);
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, JobQueue queue, AgentRegistry registry, CancellationToken cancellationToken)
    {
        var body = await RequestJson.ReadAsync(http, MeasureJson.Context.CreateJobRequest, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;
        var request = body.Value!;
        if (!SuiteYaml.TryReadId(request.SuiteYaml, out var suiteId, out var error))
            return RequestJson.Invalid("suiteYaml", error);
        var targets = await TargetsAsync(request.Selector, registry, cancellationToken);
        if (targets.Count == 0)
            return RequestJson.Invalid("selector", "No enrolled agent carries every tag of the selector.");
        var ids = await queue.CreateAsync(request.SuiteYaml, suiteId, request.Selector.Tags, targets, request.Priority, request.Labels, scheduleId: null, cancellationToken);
        return TypedResults.Json(new JobCreated(ids), MeasureJson.Context.JobCreated, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>One target per matching agent for fan-out, else one job any matching agent may lease (null target).</summary>
    internal static async Task<IReadOnlyList<Guid?>> TargetsAsync(DeviceSelector selector, AgentRegistry registry, CancellationToken cancellationToken)
    {
        if (selector.AgentId is { } agent)
            return [agent];
        if (!selector.EveryMatchingAgent)
            return [null];
        return (await registry.MatchingAsync(selector.Tags, cancellationToken)).Select(id => (Guid?)id).ToList();
    }

    /// <summary>Newest first. An agent token sees only the jobs pinned to or leased by that agent.</summary>
    private static async Task<JsonHttpResult<Page<JobInfo>>> ListAsync(HttpContext http, MeasureDbContext db, string? state, int? limit, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? 50, 1, 200);
        var jobs = db.Jobs.AsNoTracking();
        if (http.User.AgentId() is { } agent)
            jobs = jobs.Where(j => j.SelectorAgentId == agent || j.LeasedByAgentId == agent);
        if (state is not null)
            jobs = jobs.Where(j => j.State == state);
        var rows = await jobs.OrderByDescending(j => j.CreatedAtUtc).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Json(new Page<JobInfo>(rows.Select(ToInfo).ToList()), MeasureJson.Context.PageJobInfo);
    }

    private static async Task<IResult> LeaseAsync(HttpContext http, JobQueue queue, AgentRegistry registry, CancellationToken cancellationToken)
    {
        var body = await RequestJson.ReadAsync(http, MeasureJson.Context.LeaseRequest, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;
        if (!TryVisibility(body.Value!.VisibilitySeconds, out var visibility, out var problem))
            return problem!;
        var agentId = http.User.AgentId()!.Value;
        var agent = await registry.FindAsync(agentId, cancellationToken);
        if (agent is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown agent");
        var job = await queue.LeaseAsync(agentId, AgentRegistry.Tags(agent), visibility, cancellationToken);
        return job is null
            ? TypedResults.NoContent()
            : TypedResults.Json(new JobLease(job.Id, job.LeaseId!.Value, job.SuiteYaml, TokensApi.Utc(job.LeaseExpiresUtc!.Value), JsonText.ReadLabels(job.LabelsJson)), MeasureJson.Context.JobLease);
    }

    private static async Task<IResult> RenewAsync(Guid id, HttpContext http, JobQueue queue, CancellationToken cancellationToken)
    {
        var body = await RequestJson.ReadAsync(http, MeasureJson.Context.RenewRequest, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;
        if (!TryVisibility(body.Value!.VisibilitySeconds, out var visibility, out var problem))
            return problem!;
        var (outcome, expires) = await queue.RenewAsync(id, body.Value.LeaseId, http.User.AgentId()!.Value, visibility, cancellationToken);
        return outcome == LeaseOutcome.Ok
            ? TypedResults.Json(new RenewResponse(TokensApi.Utc(expires!.Value)), MeasureJson.Context.RenewResponse)
            : Problem(outcome);
    }

    private static async Task<IResult> CompleteAsync(Guid id, HttpContext http, JobQueue queue, CancellationToken cancellationToken)
    {
        var body = await RequestJson.ReadAsync(http, MeasureJson.Context.CompleteJobRequest, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;
        var outcome = await queue.CompleteAsync(id, body.Value!.LeaseId, http.User.AgentId()!.Value, body.Value.RunId, cancellationToken);
        return outcome == LeaseOutcome.Ok ? TypedResults.NoContent() : Problem(outcome);
    }

    private static async Task<IResult> FailAsync(Guid id, HttpContext http, JobQueue queue, CancellationToken cancellationToken)
    {
        var body = await RequestJson.ReadAsync(http, MeasureJson.Context.FailJobRequest, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;
        var reason = body.Value!.Reason.Length > 2000 ? body.Value.Reason[..2000] : body.Value.Reason;
        var outcome = await queue.FailAsync(id, body.Value.LeaseId, http.User.AgentId()!.Value, reason, cancellationToken);
        return outcome == LeaseOutcome.Ok ? TypedResults.NoContent() : Problem(outcome);
    }

    private static bool TryVisibility(int seconds, out TimeSpan visibility, out IResult? problem)
    {
        visibility = TimeSpan.FromSeconds(seconds);
        problem = visibility < MinVisibility || visibility > MaxVisibility
            ? RequestJson.Invalid("visibilitySeconds", $"Must be between {MinVisibility.TotalSeconds} and {MaxVisibility.TotalSeconds}.")
            : null;
        return problem is null;
    }

    private static ProblemHttpResult Problem(LeaseOutcome outcome) => outcome switch
    {
        LeaseOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such job for this agent"),
        LeaseOutcome.RunMissing => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Run not stored", detail: "Upload the run before completing the job."),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Lease lost", detail: "The lease expired or the job finished; stop working on it."),
    };

    internal static JobInfo ToInfo(JobEntity job) => new(
        job.Id, job.SuiteId, job.State, job.Priority, JsonText.ReadTags(job.SelectorTagsJson), job.SelectorAgentId ?? job.LeasedByAgentId,
        job.Attempts, TokensApi.Utc(job.CreatedAtUtc), job.FinishedAtUtc is { } f ? TokensApi.Utc(f) : null, job.RunId, job.LastError);
}
