using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Measure.Contracts;
using Measure.Contracts.Fleet;
using Measure.Storage;
using Measure.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Measure.Server.Tests.Fleet;

/// <summary>
/// 200 simulated agents on loopback heartbeating, leasing, uploading and completing at once, for a bounded
/// time: no run lost or duplicated, every job run exactly once. Prints the p99 ingest latency it saw.
/// </summary>
public abstract class FleetLoadTests(StorageProvider provider, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Agents = 200;
    private const int Jobs = 400;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);
    private static MeasureJsonContext Json => MeasureJson.Context;

    private TestDatabase database = null!;
    private RunningServer server = null!;

    public Task InitializeAsync()
    {
        database = TestDatabase.Create(provider);
        var settings = new Dictionary<string, string?>(database.ServerSettings()) { ["Server:RequestsPerSecondPerToken"] = "0" };
        server = RunningServer.Start(settings);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task ManyAgents_LeaseUploadAndComplete_EveryJobOnceAndNoRunLost()
    {
        var fleet = new FleetClient(server);
        var agents = await Task.WhenAll(Enumerable.Range(0, Agents).Select(i => fleet.EnrollAsync($"load-{i:000}", "load")));
        for (var i = 0; i < Jobs; i += 50)
            await fleet.PostAsync("api/v1/jobs", new CreateJobRequest("suite: load\nversion: 1\n", new DeviceSelector(["load"]), 0), Json.CreateJobRequest, Json.JobCreated, server.AdminToken);
        var jobsCreated = await server.WithDbAsync(db => db.Jobs.CountAsync());
        // One job per request above; fan out the rest quickly through the API as well.
        while (jobsCreated < Jobs)
        {
            await fleet.CreateJobAsync(new DeviceSelector(["load"]));
            jobsCreated++;
        }

        var ingestLatencies = new ConcurrentBag<double>();
        var completions = new ConcurrentBag<(Guid Job, Guid Run)>();
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(agents.Select(agent => Task.Run(async () =>
        {
            using var http = server.Client(agent.AgentToken);
            while (deadline.Elapsed < Budget)
            {
                using (var beat = await http.PostAsJsonAsync("api/v1/agents/heartbeat", new HeartbeatRequest(SampleReports.Valid().Device, "busy"), Json.HeartbeatRequest))
                    Assert.Equal(HttpStatusCode.OK, beat.StatusCode);
                using var leaseResponse = await http.PostAsJsonAsync("api/v1/jobs/lease", new LeaseRequest(120), Json.LeaseRequest);
                if (leaseResponse.StatusCode == HttpStatusCode.NoContent)
                    return;
                var lease = (await leaseResponse.Content.ReadFromJsonAsync(Json.JobLease))!;
                var report = SampleReports.WithLatencies(Enumerable.Range(0, 1000).Select(k => 1.0 + (k % 17) * 0.01).ToList());
                var started = Stopwatch.GetTimestamp();
                using (var upload = await http.PostAsJsonAsync("api/v1/runs", report, Json.RunReport))
                    Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
                ingestLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                using (var complete = await http.PostAsJsonAsync($"api/v1/jobs/{lease.JobId}/complete", new CompleteJobRequest(lease.LeaseId, report.RunId), Json.CompleteJobRequest))
                    Assert.Equal(HttpStatusCode.NoContent, complete.StatusCode);
                completions.Add((lease.JobId, report.RunId));
            }
        })));

        var latencies = ingestLatencies.Order().ToList();
        output.WriteLine($"{provider}: {Agents} agents, {completions.Count} jobs in {deadline.Elapsed.TotalSeconds:0.0} s; ingest p50 {latencies[latencies.Count / 2]:0.0} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:0.0} ms");
        Assert.Equal(Jobs, completions.Count);
        Assert.Equal(Jobs, completions.Select(c => c.Job).Distinct().Count());
        var (runsStored, jobsCompleted, distinctRunsOfJobs) = await server.WithDbAsync(async db => (
            await db.Runs.CountAsync(),
            await db.Jobs.CountAsync(j => j.State == "completed"),
            await db.Jobs.Select(j => j.RunId).Distinct().CountAsync()));
        Assert.Equal(Jobs, runsStored);
        Assert.Equal(Jobs, jobsCompleted);
        Assert.Equal(Jobs, distinctRunsOfJobs);
    }
}

public sealed class SqliteFleetLoadTests(ITestOutputHelper output) : FleetLoadTests(StorageProvider.Sqlite, output);

public sealed class PostgresFleetLoadTests(ITestOutputHelper output) : FleetLoadTests(StorageProvider.Postgres, output);
