using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Measure.Contracts;
using Measure.Contracts.Fleet;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Measure.Agent.Tests.Fakes;

/// <summary>
/// A small stand-in for the Measure server on 127.0.0.1 (port 0) speaking the runs and fleet routes
/// with the real server's rules: a repeated upload of the same run id answers 201 like the first,
/// a different report with a used id gets 409. Scripted failures and stalls exercise the agent.
/// </summary>
public sealed class FakeMeasureServer : IAsyncDisposable
{
    public const string RunsToken = "runs-token";
    public const string EnrollmentToken = "enroll-once";
    public const string AgentToken = "agent-token-1";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _scriptedRunStatuses = new();
    private readonly ConcurrentQueue<JobLease> _jobs = new();
    private int _stallRunUploads;
    private bool _storeBeforeStall;

    private FakeMeasureServer(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>Stored reports by run id: the exact JSON the agent sent.</summary>
    public ConcurrentDictionary<Guid, string> StoredRuns { get; } = new();

    /// <summary>Every POST /api/v1/runs body that was read completely, stored or not.</summary>
    public ConcurrentQueue<Guid> RunUploadsReceived { get; } = new();

    public ConcurrentQueue<HeartbeatRequest> Heartbeats { get; } = new();

    public ConcurrentQueue<(Guid JobId, CompleteJobRequest Request)> Completed { get; } = new();

    public ConcurrentQueue<(Guid JobId, FailJobRequest Request)> Failed { get; } = new();

    public ConcurrentQueue<(Guid JobId, RenewRequest Request)> Renewals { get; } = new();

    /// <summary>Every enrollment request, accepted or refused.</summary>
    public ConcurrentQueue<EnrollRequest> Enrollments { get; } = new();

    public ConcurrentQueue<EnrollRequest> AcceptedEnrollments { get; } = new();

    private readonly ConcurrentDictionary<string, int> _enrollmentUsesLeft = new(StringComparer.Ordinal) { [EnrollmentToken] = 1 };

    /// <summary>Another enrollment token the server accepts this many times (as a real one created with uses: N).</summary>
    public void AddEnrollmentToken(string token, int uses) => _enrollmentUsesLeft[token] = uses;

    private bool TryUseEnrollmentToken(string token)
    {
        while (_enrollmentUsesLeft.TryGetValue(token, out var left) && left > 0)
        {
            if (_enrollmentUsesLeft.TryUpdate(token, left - 1, left))
                return true;
        }
        return false;
    }

    /// <summary>Set when an upload is stalled: the test can kill the agent now.</summary>
    public TaskCompletionSource UploadStalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Answers the next run uploads with these statuses (after reading the body, without storing).</summary>
    public void ScriptRunStatuses(params int[] statuses)
    {
        foreach (var status in statuses)
            _scriptedRunStatuses.Enqueue(status);
    }

    /// <summary>The next upload is read and then never answered; optionally stored first (the answer is what gets lost).</summary>
    public void StallNextRunUpload(bool storeFirst)
    {
        _storeBeforeStall = storeFirst;
        Interlocked.Exchange(ref _stallRunUploads, 1);
    }

    public JobLease QueueJob(string suiteYaml, IReadOnlyDictionary<string, string>? labels = null)
    {
        var lease = new JobLease(Guid.NewGuid(), Guid.NewGuid(), suiteYaml, DateTimeOffset.UtcNow.AddMinutes(5), labels);
        _jobs.Enqueue(lease);
        return lease;
    }

    public static async Task<FakeMeasureServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeMeasureServer(app);
        server.MapRoutes();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    private void MapRoutes()
    {
        _app.MapPost("/api/v1/runs", async (HttpContext context) =>
        {
            if (!Authorized(context, RunsToken, AgentToken))
                return Results.Unauthorized();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
            var report = MeasureJson.DeserializeReport(body);
            RunUploadsReceived.Enqueue(report.RunId);
            if (Interlocked.Exchange(ref _stallRunUploads, 0) == 1)
            {
                if (_storeBeforeStall)
                    StoredRuns.TryAdd(report.RunId, body);
                UploadStalled.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            if (_scriptedRunStatuses.TryDequeue(out var scripted))
                return Results.Problem(statusCode: scripted, title: $"scripted {scripted}");
            if (!StoredRuns.TryAdd(report.RunId, body) && StoredRuns[report.RunId] != body)
                return Results.Problem(statusCode: 409, title: "Run id already used", detail: $"A different report with run id {report.RunId} is already stored.");
            return Results.Created($"/api/v1/runs/{report.RunId}", new RunAccepted(report.RunId, $"/runs/{report.RunId}"));
        });

        _app.MapPost("/api/v1/agents/enroll", async (HttpContext context) =>
        {
            var request = await Read(context, MeasureJson.Context.EnrollRequest);
            Enrollments.Enqueue(request);
            if (!TryUseEnrollmentToken(request.EnrollmentToken))
                return Results.Problem(statusCode: 401, title: "Unknown or used enrollment token");
            AcceptedEnrollments.Enqueue(request);
            return Results.Json(new EnrollResponse(Guid.NewGuid(), AgentToken), MeasureJson.Context.EnrollResponse);
        });

        _app.MapPost("/api/v1/agents/heartbeat", async (HttpContext context) =>
        {
            if (!Authorized(context, AgentToken))
                return Results.Unauthorized();
            Heartbeats.Enqueue(await Read(context, MeasureJson.Context.HeartbeatRequest));
            return Results.Json(new HeartbeatResponse(DateTimeOffset.UtcNow), MeasureJson.Context.HeartbeatResponse);
        });

        _app.MapPost("/api/v1/jobs/lease", async (HttpContext context) =>
        {
            if (!Authorized(context, AgentToken))
                return Results.Unauthorized();
            await Read(context, MeasureJson.Context.LeaseRequest);
            return _jobs.TryDequeue(out var lease) ? Results.Json(lease, MeasureJson.Context.JobLease) : Results.NoContent();
        });

        _app.MapPost("/api/v1/jobs/{id:guid}/renew", async (Guid id, HttpContext context) =>
        {
            var request = await Read(context, MeasureJson.Context.RenewRequest);
            Renewals.Enqueue((id, request));
            return Results.Json(new RenewResponse(DateTimeOffset.UtcNow.AddSeconds(request.VisibilitySeconds)), MeasureJson.Context.RenewResponse);
        });

        _app.MapPost("/api/v1/jobs/{id:guid}/complete", async (Guid id, HttpContext context) =>
        {
            Completed.Enqueue((id, await Read(context, MeasureJson.Context.CompleteJobRequest)));
            return Results.NoContent();
        });

        _app.MapPost("/api/v1/jobs/{id:guid}/fail", async (Guid id, HttpContext context) =>
        {
            Failed.Enqueue((id, await Read(context, MeasureJson.Context.FailJobRequest)));
            return Results.NoContent();
        });
    }

    private static bool Authorized(HttpContext context, params string[] tokens) =>
        tokens.Any(t => context.Request.Headers.Authorization.ToString() == "Bearer " + t);

    private static async Task<T> Read<T>(HttpContext context, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted) ?? throw new JsonException("null body");

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
