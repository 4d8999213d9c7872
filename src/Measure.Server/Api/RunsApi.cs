using System.Text.Json;
using Measure.Contracts;
using Measure.Server.Auth;
using Measure.Server.Hosting;
using Measure.Storage;
using Measure.Storage.Ingest;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Measure.Server.Api;

public static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/v1/runs").WithTags("Runs");
        runs.MapPost("/", IngestAsync).RequireAuthorization(AuthExtensions.WriteRunsPolicy);
        runs.MapGet("/", ListAsync).RequireAuthorization(AuthExtensions.ReadPolicy);
        runs.MapGet("/{id:guid}", GetAsync).RequireAuthorization(AuthExtensions.ReadPolicy);
        return app;
    }

    internal static async Task<IResult> IngestAsync(HttpContext http, RunIngestQueue queue, TimeProvider clock, IngestMetrics metrics, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var result = await StoreAsync(http, queue, clock, cancellationToken);
        metrics.Record(result, TimeProvider.System.GetElapsedTime(started));
        return result;
    }

    private static async Task<IResult> StoreAsync(HttpContext http, RunIngestQueue queue, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await RequestJson.ReadAsync(http, MeasureJson.Context.RunReport, http.RequestServices.GetServerOptions().MaxReportBytes, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;
        var report = body.Value!;

        var errors = RunReportValidator.Validate(report, clock.GetUtcNow());
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "The report breaks the run report rules.");
        }

        // Hashing, packing and summarising happen here, on the request's thread, so the one writer only writes.
        var prepared = PreparedRun.From(report, clock.GetUtcNow(), http.User.AgentId());
        var outcome = await queue.StoreAsync(prepared, cancellationToken);
        if (outcome == StoreOutcome.Conflict)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Run id already used",
                detail: $"A different report with run id {report.RunId} is already stored; stored runs are immutable.");
        }
        // A repeated upload gets exactly the answer of the first, so agents can retry blindly.
        return TypedResults.Created($"/api/v1/runs/{report.RunId}", new RunAccepted(report.RunId, $"/runs/{report.RunId}"));
    }

    /// <summary>
    /// Newest first; <c>?suite=ID&amp;device=NAME&amp;label=KEY:VALUE</c> (repeatable) and <c>key=COMPARABILITY_KEY</c>
    /// (runs with a workload of that key: a gate's history in one query) narrow the list.
    /// </summary>
    internal static async Task<Results<JsonHttpResult<Page<RunSummary>>, ValidationProblem>> ListAsync(
        RunStore store, string? cursor, int? limit, string? suite, string? device, string[]? label, string? key, CancellationToken cancellationToken)
    {
        var pageSize = limit ?? 50;
        if (pageSize is < 1 or > RunStore.MaxPageSize)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Must be between 1 and {RunStore.MaxPageSize}."] });
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in label ?? [])
        {
            var separator = pair.IndexOf(':', StringComparison.Ordinal);
            if (separator <= 0)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["label"] = [$"'{pair}' is not KEY:VALUE."] });
            labels[pair[..separator]] = pair[(separator + 1)..];
        }
        try
        {
            var page = await store.ListAsync(new RunQuery(suite, device, labels, key), cursor, pageSize, cancellationToken);
            return TypedResults.Json(page, MeasureJson.Context.PageRunSummary);
        }
        catch (ArgumentException ex) when (ex.ParamName == "cursor")
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = [ex.Message] });
        }
    }

    internal static async Task<Results<JsonHttpResult<RunReport>, NotFound>> GetAsync(Guid id, RunStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } report
            ? TypedResults.Json(report, MeasureJson.Context.RunReport)
            : TypedResults.NotFound();

}
