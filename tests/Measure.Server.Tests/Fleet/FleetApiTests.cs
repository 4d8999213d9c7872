using System.Net;
using System.Net.Http.Json;
using Measure.Contracts;
using Measure.Contracts.Fleet;
using Measure.Server.Fleet;
using Measure.Storage;
using Measure.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Measure.Server.Tests.Fleet;

/// <summary>Enrollment, heartbeats and the job queue, against SQLite and against PostgreSQL.</summary>
public abstract class FleetApiTests(StorageProvider provider) : IAsyncLifetime
{
    private static MeasureJsonContext Json => MeasureJson.Context;
    private readonly ManualClock clock = new(DateTimeOffset.UtcNow);
    private TestDatabase database = null!;
    private RunningServer server = null!;
    private FleetClient fleet = null!;

    public Task InitializeAsync()
    {
        database = TestDatabase.Create(provider);
        server = RunningServer.Start(database.ServerSettings(), clock);
        fleet = new FleetClient(server);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Enroll_WithFreshToken_GivesAnAgentTokenThatHeartbeats()
    {
        var agent = await fleet.EnrollAsync("pi-01", "rpi5", "lab-a");

        var heartbeat = await fleet.PostAsync("api/v1/agents/heartbeat", new HeartbeatRequest(SampleReports.Valid().Device, "idle", 2), Json.HeartbeatRequest, Json.HeartbeatResponse, agent.AgentToken);
        var inventory = await server.Client().GetFromJsonAsync("api/v1/agents", Json.IReadOnlyListAgentInfo);

        Assert.Equal(clock.GetUtcNow(), heartbeat.ServerTime);
        var listed = Assert.Single(inventory!);
        Assert.Equal(agent.AgentId, listed.AgentId);
        Assert.Equal(["lab-a", "rpi5"], listed.Tags);
        Assert.Equal("online", listed.Status);
        Assert.Equal(2, listed.OutboxPending);
    }

    [Fact]
    public async Task Enroll_TokenUsedTwice_SecondIsRefused()
    {
        var token = await fleet.EnrollmentTokenAsync("rpi5");
        var request = new EnrollRequest(token, "pi", SampleReports.Valid().Device, []);

        var first = await fleet.PostStatusAsync("api/v1/agents/enroll", request, Json.EnrollRequest, null);
        var second = await fleet.PostStatusAsync("api/v1/agents/enroll", request with { Name = "impostor" }, Json.EnrollRequest, null);

        Assert.Equal(HttpStatusCode.Created, first);
        Assert.Equal(HttpStatusCode.Unauthorized, second);
    }

    [Fact]
    public async Task Enroll_MultiUseToken_EnrollsThatManyAgentsThenRefuses()
    {
        var token = await fleet.EnrollmentTokenAsync(2, "phone");

        var statuses = new List<HttpStatusCode>();
        foreach (var name in new[] { "pixel", "galaxy", "third" })
            statuses.Add(await fleet.PostStatusAsync("api/v1/agents/enroll", new EnrollRequest(token, name, SampleReports.Valid().Device with { Hostname = name }, []), Json.EnrollRequest, null));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Unauthorized], statuses);
        var inventory = await server.Client(server.AdminToken).GetFromJsonAsync("api/v1/agents", Json.IReadOnlyListAgentInfo);
        Assert.Equal(["galaxy", "pixel"], inventory!.Select(a => a.Name).Order());
        Assert.All(inventory!, a => Assert.Equal(["phone"], a.Tags));
    }

    [Fact]
    public async Task Enroll_RacersOnOneMultiUseToken_NeverExceedItsUses()
    {
        var token = await fleet.EnrollmentTokenAsync(3, "rpi5");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            fleet.PostStatusAsync("api/v1/agents/enroll", new EnrollRequest(token, $"pi-{i}", SampleReports.Valid().Device with { Hostname = $"pi-{i}" }, []), Json.EnrollRequest, null)));

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.Created, HttpStatusCode.Unauthorized }));
        var inventory = await server.Client(server.AdminToken).GetFromJsonAsync("api/v1/agents", Json.IReadOnlyListAgentInfo);
        Assert.Equal(3, inventory!.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task CreateEnrollmentToken_UsesOutOfRange_IsRejectedNamingUses(int uses)
    {
        using var http = server.Client(server.AdminToken);

        using var response = await http.PostAsJsonAsync("api/v1/enrollment-tokens", new CreateEnrollmentTokenRequest(["rpi5"], 30, uses), Json.CreateEnrollmentTokenRequest);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("uses", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enroll_ExpiredToken_IsRefused()
    {
        var token = await fleet.EnrollmentTokenAsync("rpi5");
        clock.Advance(TimeSpan.FromMinutes(31));

        var status = await fleet.PostStatusAsync("api/v1/agents/enroll", new EnrollRequest(token, "late", SampleReports.Valid().Device, []), Json.EnrollRequest, null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Inventory_AgentSilentForAnHour_IsStale()
    {
        await fleet.EnrollAsync("pi-quiet");
        clock.Advance(TimeSpan.FromHours(1));

        var inventory = await server.Client().GetFromJsonAsync("api/v1/agents", Json.IReadOnlyListAgentInfo);

        Assert.Equal("stale", Assert.Single(inventory!).Status);
    }

    [Fact]
    public async Task Lease_MatchesTagsAndPriority_AndHidesLeasedJobs()
    {
        var pi = await fleet.EnrollAsync("pi", "rpi5");
        var jetson = await fleet.EnrollAsync("jetson", "orin");
        var low = (await fleet.CreateJobAsync(new DeviceSelector(["rpi5"]), priority: 1)).Single();
        var high = (await fleet.CreateJobAsync(new DeviceSelector(["rpi5"]), priority: 5)).Single();

        Assert.Null(await fleet.LeaseAsync(jetson.AgentToken));
        Assert.Equal(high, (await fleet.LeaseAsync(pi.AgentToken))!.JobId);
        Assert.Equal(low, (await fleet.LeaseAsync(pi.AgentToken))!.JobId);
        Assert.Null(await fleet.LeaseAsync(pi.AgentToken));
    }

    [Fact]
    public async Task Lease_Expired_ReturnsToQueueAndTheOldHolderLosesIt()
    {
        var first = await fleet.EnrollAsync("pi-a", "rpi5");
        var second = await fleet.EnrollAsync("pi-b", "rpi5");
        await fleet.CreateJobAsync(new DeviceSelector(["rpi5"]));
        var lease = (await fleet.LeaseAsync(first.AgentToken, visibilitySeconds: 30))!;

        Assert.Null(await fleet.LeaseAsync(second.AgentToken));
        clock.Advance(TimeSpan.FromSeconds(31));
        var retaken = (await fleet.LeaseAsync(second.AgentToken))!;
        var renew = await fleet.PostStatusAsync($"api/v1/jobs/{lease.JobId}/renew", new RenewRequest(lease.LeaseId, 60), Json.RenewRequest, first.AgentToken);
        var lateCompletion = await fleet.PostStatusAsync($"api/v1/jobs/{lease.JobId}/complete", new CompleteJobRequest(lease.LeaseId, await fleet.UploadRunAsync(first.AgentToken)), Json.CompleteJobRequest, first.AgentToken);

        Assert.Equal(lease.JobId, retaken.JobId);
        Assert.Equal(HttpStatusCode.Conflict, renew);
        Assert.Equal(HttpStatusCode.Conflict, lateCompletion);
    }

    [Fact]
    public async Task Complete_WithUploadedRun_FinishesTheJob()
    {
        var agent = await fleet.EnrollAsync("pi", "rpi5");
        await fleet.CreateJobAsync(new DeviceSelector(["rpi5"]));
        var lease = (await fleet.LeaseAsync(agent.AgentToken))!;

        var missingRun = await fleet.PostStatusAsync($"api/v1/jobs/{lease.JobId}/complete", new CompleteJobRequest(lease.LeaseId, Guid.NewGuid()), Json.CompleteJobRequest, agent.AgentToken);
        var runId = await fleet.UploadRunAsync(agent.AgentToken);
        var completed = await fleet.PostStatusAsync($"api/v1/jobs/{lease.JobId}/complete", new CompleteJobRequest(lease.LeaseId, runId), Json.CompleteJobRequest, agent.AgentToken);
        var jobs = await server.Client().GetFromJsonAsync("api/v1/jobs", Json.PageJobInfo);

        Assert.Equal(HttpStatusCode.Conflict, missingRun);
        Assert.Equal(HttpStatusCode.NoContent, completed);
        var job = Assert.Single(jobs!.Items);
        Assert.Equal("completed", job.State);
        Assert.Equal(runId, job.RunId);
    }

    [Fact]
    public async Task Fail_ReturnsJobToQueueUntilAttemptsRunOut()
    {
        var agent = await fleet.EnrollAsync("pi", "rpi5");
        var jobId = (await fleet.CreateJobAsync(new DeviceSelector(["rpi5"]))).Single();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var lease = (await fleet.LeaseAsync(agent.AgentToken))!;
            Assert.Equal(jobId, lease.JobId);
            Assert.Equal(HttpStatusCode.NoContent, await fleet.PostStatusAsync($"api/v1/jobs/{jobId}/fail", new FailJobRequest(lease.LeaseId, $"attempt {attempt} failed"), Json.FailJobRequest, agent.AgentToken));
        }
        var jobs = await server.Client().GetFromJsonAsync("api/v1/jobs", Json.PageJobInfo);

        Assert.Null(await fleet.LeaseAsync(agent.AgentToken));
        Assert.Equal("failed", jobs!.Items.Single().State);
        Assert.Equal("attempt 3 failed", jobs.Items.Single().LastError);
    }

    [Fact]
    public async Task OtherAgent_CannotRenewCompleteOrFailTheJob()
    {
        var owner = await fleet.EnrollAsync("owner", "rpi5");
        var intruder = await fleet.EnrollAsync("intruder", "rpi5");
        await fleet.CreateJobAsync(new DeviceSelector(["rpi5"]));
        var lease = (await fleet.LeaseAsync(owner.AgentToken))!;
        var intruderRun = await fleet.UploadRunAsync(intruder.AgentToken);

        var renew = await fleet.PostStatusAsync($"api/v1/jobs/{lease.JobId}/renew", new RenewRequest(lease.LeaseId, 60), Json.RenewRequest, intruder.AgentToken);
        var complete = await fleet.PostStatusAsync($"api/v1/jobs/{lease.JobId}/complete", new CompleteJobRequest(lease.LeaseId, intruderRun), Json.CompleteJobRequest, intruder.AgentToken);
        var fail = await fleet.PostStatusAsync($"api/v1/jobs/{lease.JobId}/fail", new FailJobRequest(lease.LeaseId, "sabotage"), Json.FailJobRequest, intruder.AgentToken);
        var ownerRenew = await fleet.PostStatusAsync($"api/v1/jobs/{lease.JobId}/renew", new RenewRequest(lease.LeaseId, 60), Json.RenewRequest, owner.AgentToken);

        Assert.All([renew, complete, fail], s => Assert.True(s is HttpStatusCode.Conflict or HttpStatusCode.NotFound, s.ToString()));
        Assert.Equal(HttpStatusCode.OK, ownerRenew);
    }

    [Fact]
    public async Task JobList_WithAgentToken_ShowsOnlyThatAgentsJobs()
    {
        var mine = await fleet.EnrollAsync("mine", "rpi5");
        var other = await fleet.EnrollAsync("other", "rpi5");
        var pinnedToMine = (await fleet.CreateJobAsync(new DeviceSelector([], AgentId: mine.AgentId))).Single();
        await fleet.CreateJobAsync(new DeviceSelector([], AgentId: other.AgentId));
        await fleet.CreateJobAsync(new DeviceSelector(["rpi5"]));

        var seenByMine = await server.Client(mine.AgentToken).GetFromJsonAsync("api/v1/jobs", Json.PageJobInfo);
        var seenByAdmin = await server.Client(server.AdminToken).GetFromJsonAsync("api/v1/jobs", Json.PageJobInfo);

        Assert.Equal([pinnedToMine], seenByMine!.Items.Select(j => j.JobId));
        Assert.Equal(3, seenByAdmin!.Items.Count);
    }

    [Fact]
    public async Task Lease_ByManyAgentsAtOnce_GivesEachJobToExactlyOne()
    {
        var agents = new List<EnrollResponse>();
        for (var i = 0; i < 12; i++)
            agents.Add(await fleet.EnrollAsync($"pi-{i}", "rpi5"));
        for (var i = 0; i < 8; i++)
            await fleet.CreateJobAsync(new DeviceSelector(["rpi5"]));

        var leases = await Task.WhenAll(agents.Select(a => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            while (await fleet.LeaseAsync(a.AgentToken) is { } lease)
                mine.Add(lease.JobId);
            return mine;
        })));

        var all = leases.SelectMany(l => l).ToList();
        Assert.Equal(8, all.Count);
        Assert.Equal(8, all.Distinct().Count());
    }

    [Fact]
    public async Task CreateJob_ForEveryMatchingAgent_FansOutOnePerAgent()
    {
        var a = await fleet.EnrollAsync("pi-a", "rpi5");
        var b = await fleet.EnrollAsync("pi-b", "rpi5");
        await fleet.EnrollAsync("jetson", "orin");

        var jobs = await fleet.CreateJobAsync(new DeviceSelector(["rpi5"], EveryMatchingAgent: true));
        var leaseA = await fleet.LeaseAsync(a.AgentToken);
        var leaseB = await fleet.LeaseAsync(b.AgentToken);

        Assert.Equal(2, jobs.Count);
        Assert.NotEqual(leaseA!.JobId, leaseB!.JobId);
        Assert.Null(await fleet.LeaseAsync(a.AgentToken));
    }

    [Fact]
    public async Task Schedule_WhenDue_QueuesItsJobsOncePerOccurrence()
    {
        var pi = await fleet.EnrollAsync("pi", "rpi5");
        var schedule = new CreateScheduleRequest("nightly", "suite: standard\nversion: 1\n", new DeviceSelector(["rpi5"], EveryMatchingAgent: true), 24 * 60, clock.GetUtcNow());
        await fleet.PostAsync("api/v1/schedules", schedule, Json.CreateScheduleRequest, Json.ScheduleInfo, server.AdminToken);
        var runner = server.Services.GetServices<IHostedService>().OfType<ScheduleRunner>().Single();

        var firedNow = await runner.RunDueAsync(CancellationToken.None);
        var firedAgain = await runner.RunDueAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(24));
        var firedNextDay = await runner.RunDueAsync(CancellationToken.None);

        Assert.Equal(1, firedNow + firedAgain);
        Assert.Equal(1, firedNextDay);
        Assert.NotNull(await fleet.LeaseAsync(pi.AgentToken));
        Assert.NotNull(await fleet.LeaseAsync(pi.AgentToken));
    }
}

public sealed class SqliteFleetApiTests() : FleetApiTests(StorageProvider.Sqlite);

public sealed class PostgresFleetApiTests() : FleetApiTests(StorageProvider.Postgres);
