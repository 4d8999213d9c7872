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

/// <summary>Recurring jobs, e.g. nightly standard.yaml on every Raspberry Pi 5.</summary>
public static class SchedulesApi
{
    public static IEndpointRouteBuilder MapSchedulesApi(this IEndpointRouteBuilder app)
    {
        var schedules = app.MapGroup("/api/v1/schedules").WithTags("Schedules");
        schedules.MapPost("/", CreateAsync).RequireAuthorization(AuthExtensions.CreateJobsPolicy);
        schedules.MapGet("/", ListAsync).RequireAuthorization(AuthExtensions.ReadPolicy);
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, MeasureDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await RequestJson.ReadAsync(http, MeasureJson.Context.CreateScheduleRequest, 512 * 1024, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;
        var request = body.Value!;
        if (string.IsNullOrWhiteSpace(request.Name))
            return RequestJson.Invalid("name", "Must not be empty.");
        if (!SuiteYaml.TryReadId(request.SuiteYaml, out _, out var error))
            return RequestJson.Invalid("suiteYaml", error);
        if (request.IntervalMinutes is < 1 or > 60 * 24 * 31)
            return RequestJson.Invalid("intervalMinutes", "Must be between 1 and 44640 (31 days).");
        var schedule = new ScheduleEntity
        {
            Id = Guid.NewGuid(),
            Name = request.Name,
            SuiteYaml = request.SuiteYaml,
            SelectorTagsJson = JsonText.Tags(request.Selector.Tags),
            EveryMatchingAgent = request.Selector.EveryMatchingAgent,
            Priority = request.Priority,
            LabelsJson = JsonText.Labels(request.Labels),
            IntervalMinutes = request.IntervalMinutes,
            NextRunUtc = (request.FirstRunAt ?? clock.GetUtcNow()).UtcDateTime,
            Enabled = true,
        };
        db.Schedules.Add(schedule);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Json(ToInfo(schedule), MeasureJson.Context.ScheduleInfo, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<JsonHttpResult<IReadOnlyList<ScheduleInfo>>> ListAsync(MeasureDbContext db, CancellationToken cancellationToken)
    {
        IReadOnlyList<ScheduleInfo> list = (await db.Schedules.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken)).Select(ToInfo).ToList();
        return TypedResults.Json(list, MeasureJson.Context.IReadOnlyListScheduleInfo);
    }

    private static ScheduleInfo ToInfo(ScheduleEntity s) =>
        new(s.Id, s.Name, JsonText.ReadTags(s.SelectorTagsJson), s.EveryMatchingAgent, s.IntervalMinutes, TokensApi.Utc(s.NextRunUtc), s.Enabled);
}
