using System.Collections.Concurrent;
using Measure.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Measure.Cli.Tests.Server;

/// <summary>
/// A tiny stand-in for the Measure server's runs API on Kestrel (127.0.0.1, a free port): list with the suite, device
/// and label filters, get by id, and idempotent upload. It records every request so tests can assert what was asked.
/// </summary>
internal sealed class FakeMeasureServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<Guid, (RunReport Report, string DeviceName)> runs = new();

    private FakeMeasureServer(WebApplication app)
    {
        this.app = app;
    }

    public Uri Url => new(app.Urls.First());

    public ConcurrentQueue<string> Requests { get; } = new();

    public ConcurrentQueue<RunReport> Uploads { get; } = new();

    public string? RequiredToken { get; init; }

    public static async Task<FakeMeasureServer> StartAsync(string? requiredToken = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeMeasureServer(app) { RequiredToken = requiredToken };
        app.Use(async (context, next) =>
        {
            server.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            if (server.RequiredToken is { } token && context.Request.Headers.Authorization != $"Bearer {token}")
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            await next(context);
        });
        app.MapGet("/api/v1/runs", (HttpContext context) => server.List(context.Request.Query));
        app.MapGet("/api/v1/runs/{id:guid}", (Guid id) => server.runs.TryGetValue(id, out var run)
            ? Results.Json(run.Report, MeasureJson.Context.RunReport)
            : Results.NotFound());
        app.MapPost("/api/v1/runs", async (HttpContext context) =>
        {
            var report = await MeasureJson.DeserializeReportAsync(context.Request.Body);
            server.Uploads.Enqueue(report);
            server.Add(report, report.Device.Hostname ?? "device");
            return Results.Json(new RunAccepted(report.RunId, $"/runs/{report.RunId}"), MeasureJson.Context.RunAccepted, statusCode: StatusCodes.Status201Created);
        });
        await app.StartAsync();
        return server;
    }

    public void Add(RunReport report, string deviceName) => runs[report.RunId] = (report, deviceName);

    private IResult List(IQueryCollection query)
    {
        var limit = int.TryParse(query["limit"], out var l) ? l : 50;
        var labels = query["label"].Select(v => v!.Split(':', 2)).ToList();
        var items = runs.Values
            .Where(r => query["suite"].Count == 0 || r.Report.Suite.Id == query["suite"])
            .Where(r => query["device"].Count == 0 || r.DeviceName == query["device"])
            .Where(r => labels.All(kv => r.Report.Labels is { } have && have.TryGetValue(kv[0], out var v) && v == kv[1]))
            .OrderByDescending(r => r.Report.StartedAt)
            .Take(limit)
            .Select(r => new RunSummary(r.Report.RunId, r.Report.StartedAt, r.Report.FinishedAt, r.Report.Suite.Id, r.Report.Suite.Version,
                r.DeviceName, r.Report.Device.CpuModel, r.Report.Device.AgentVersion, r.Report.Workloads.Count, r.Report.Labels))
            .ToList();
        return Results.Json(new Page<RunSummary>(items), MeasureJson.Context.PageRunSummary);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
