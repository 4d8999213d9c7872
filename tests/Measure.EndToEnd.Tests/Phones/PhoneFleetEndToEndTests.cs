using System.Net.Http.Json;
using Measure.Agent.Android.Fleet;
using Measure.Agent.Android.Preconditions;
using Measure.Agent.Android.Running;
using Measure.Agent.Fleet;
using Measure.Agent.Outbox;
using Measure.Agent.State;
using Measure.Contracts;
using Measure.Contracts.Fleet;
using Measure.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Measure.EndToEnd.Tests.Phones;

/// <summary>
/// Phones in the fleet against the real server (Kestrel on loopback, SQLite): a lab host serves the two recorded
/// phones over the fake adb, each enrolls as its own agent, a job selected by one phone's tags runs llama-bench on
/// that phone, and its run is stored with the phone's fingerprint; a phone unplugged mid-run gives its job back.
/// </summary>
public sealed class PhoneFleetEndToEndTests : IAsyncLifetime
{
    private readonly ManualClock clock = new(DateTimeOffset.UtcNow);
    private readonly FakeAdbLab lab = new();
    private readonly string stateDirectory = Directory.CreateTempSubdirectory("measure-e2e-adb-host-").FullName;
    private readonly HttpClient http = new();
    private RunningServer server = null!;
    private HttpClient admin = null!;
    private PhoneFleetHost host = null!;

    public async Task InitializeAsync()
    {
        server = RunningServer.Start(clock: clock);
        admin = server.Client(server.AdminToken);
        // One token for the whole hub, as a lab creates it for a host: enough uses for both phones.
        using var created = await admin.PostAsJsonAsync("api/v1/enrollment-tokens", new CreateEnrollmentTokenRequest([], Uses: 2), MeasureJson.Context.CreateEnrollmentTokenRequest);
        created.EnsureSuccessStatusCode();
        var token = (await created.Content.ReadFromJsonAsync(MeasureJson.Context.EnrollmentTokenCreated))!.Token;
        host = new PhoneFleetHost(lab.Adb, new AgentStateDirectory(stateDirectory), http,
            new AdbHostOptions(server.Address, [token], ["lab-e2e"], new ServeOptions(TimeSpan.FromMilliseconds(50), VisibilitySeconds: 60), TimeSpan.FromSeconds(1),
                new PhoneRunOptions(RunPreconditions.None, lab.LlamaBench, lab.Models)),
            TimeProvider.System, _ => { });
    }

    public async Task DisposeAsync()
    {
        await host.StopAllAsync();
        admin.Dispose();
        http.Dispose();
        await server.DisposeAsync();
        lab.Dispose();
        Directory.Delete(stateDirectory, recursive: true);
    }

    private async Task<IReadOnlyList<AgentInfo>> AgentsAsync() => (await admin.GetFromJsonAsync("api/v1/agents", MeasureJson.Context.IReadOnlyListAgentInfo))!;

    private async Task<JobInfo> JobAsync(Guid id) =>
        (await admin.GetFromJsonAsync("api/v1/jobs?limit=200", MeasureJson.Context.PageJobInfo))!.Items.Single(j => j.JobId == id);

    private async Task<Guid> QueueAsync(string tag, string suiteYaml = FakeAdbLab.LlamaSuite, IReadOnlyDictionary<string, string>? labels = null)
    {
        using var response = await admin.PostAsJsonAsync("api/v1/jobs", new CreateJobRequest(suiteYaml, new DeviceSelector([tag]), Labels: labels), MeasureJson.Context.CreateJobRequest);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(MeasureJson.Context.JobCreated))!.JobIds.Single();
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        for (var waited = 0; waited < 30_000; waited += 50)
        {
            if (await condition())
                return;
            await Task.Delay(50);
        }
        Assert.Fail($"timed out waiting until {what}");
    }

    private async Task<(AgentInfo Pixel, AgentInfo Samsung)> EnrollBothAsync()
    {
        await host.ScanAsync(CancellationToken.None);
        await Eventually(async () => (await AgentsAsync()).Count(a => a.Status == "online") == 2, "both phones heartbeat");
        var agents = await AgentsAsync();
        return (agents.Single(a => a.Tags.Contains("pixel-6")), agents.Single(a => a.Tags.Contains("samsung")));
    }

    [Fact]
    public async Task TwoPhones_JobSelectedByPixelTags_RunOnThePixelAndStoredWithItsFingerprint()
    {
        var (pixel, samsung) = await EnrollBothAsync();
        Assert.Equal($"Google Pixel 6 ({FakeAdbLab.Pixel})", pixel.Name);
        Assert.Equal($"samsung SM-S901U ({FakeAdbLab.Samsung})", samsung.Name);
        Assert.Contains("lab-e2e", pixel.Tags);
        Assert.Contains("android", samsung.Tags);
        Assert.DoesNotContain("pixel-6", samsung.Tags);

        var jobId = await QueueAsync("pixel-6");
        await Eventually(async () => (await JobAsync(jobId)).State == "completed", "the job is completed");

        var job = await JobAsync(jobId);
        Assert.Equal(pixel.AgentId, job.AgentId);
        var run = (await admin.GetFromJsonAsync($"api/v1/runs/{job.RunId}", MeasureJson.Context.RunReport))!;
        Assert.Equal(FakeAdbLab.Pixel, run.Device.Hostname);
        Assert.Contains("Pixel 6", run.Device.BoardModel, StringComparison.Ordinal);
        Assert.Equal(pixel.CpuModel, run.Device.CpuModel);
        Assert.Equal(jobId.ToString("D"), run.Labels!["job_id"]);
        Assert.Equal("adb llama-bench", run.Labels["runner"]);
        Assert.Equal(["pp64", "tg16"], run.Workloads.Select(w => w.Workload));
        Assert.Contains(run.SensorTraces!, t => t.Kind == "power" && t.Source.Contains("android-fuel-gauge/battery", StringComparison.Ordinal));
        Assert.DoesNotContain(lab.Calls, c => c.StartsWith($"-s {FakeAdbLab.Samsung} shell cd ", StringComparison.Ordinal));
        Assert.Equal(1, await server.WithDbAsync(db => db.Runs.CountAsync()));
    }

    [Fact]
    public async Task PixelUnpluggedMidRun_JobBackInTheQueueNothingStoredPhoneStale_ThenRerunWhenBack()
    {
        var (pixel, samsung) = await EnrollBothAsync();
        lab.UnplugWhen(FakeAdbLab.Pixel, "-p 0 -n 16");

        var jobId = await QueueAsync("pixel-6");
        await Eventually(async () => (await JobAsync(jobId)).LastError is not null, "the job is failed back");

        var job = await JobAsync(jobId);
        Assert.Equal("queued", job.State);
        Assert.Equal(1, job.Attempts);
        Assert.Contains($"phone {FakeAdbLab.Pixel} disconnected", job.LastError, StringComparison.Ordinal);
        Assert.Null(job.RunId);
        Assert.Equal(0, await server.WithDbAsync(db => db.Runs.CountAsync()));
        Assert.Empty(new RunOutbox(host.PhoneState(FakeAdbLab.Pixel)).Pending());
        await host.ScanAsync(CancellationToken.None);
        Assert.Equal([FakeAdbLab.Samsung], host.Serving);

        // Three minutes later only the Samsung has heartbeated since: the Pixel shows stale.
        clock.Advance(TimeSpan.FromMinutes(3));
        await Eventually(async () => (await AgentsAsync()).Single(a => a.AgentId == samsung.AgentId).Status == "online", "the Samsung heartbeats again");
        Assert.Equal("stale", (await AgentsAsync()).Single(a => a.AgentId == pixel.AgentId).Status);
        Assert.Equal("queued", (await JobAsync(jobId)).State);

        // Plugged back in: the battery service the failed run left unplugged is reset, and the same job runs again.
        Assert.True(lab.BatteryUnplugged(FakeAdbLab.Pixel));
        lab.UnplugWhen(FakeAdbLab.Pixel, null);
        lab.SetAttached(FakeAdbLab.Pixel, true);
        await host.ScanAsync(CancellationToken.None);
        await Eventually(async () => (await JobAsync(jobId)).State == "completed", "the job is completed on the second attempt");
        var rerun = await JobAsync(jobId);
        Assert.Equal(2, rerun.Attempts);
        var run = (await admin.GetFromJsonAsync($"api/v1/runs/{rerun.RunId}", MeasureJson.Context.RunReport))!;
        Assert.Equal(FakeAdbLab.Pixel, run.Device.Hostname);
        Assert.Equal(1, await server.WithDbAsync(db => db.Runs.CountAsync()));
        Assert.False(lab.BatteryUnplugged(FakeAdbLab.Pixel));
        Assert.False(File.Exists(host.Charging.MarkerPath(FakeAdbLab.Pixel)));
    }

    [Fact]
    public async Task SuitePreconditionsUnmetOnTheSamsung_JobFailsWithTheReasonUntilAJobLabelOverridesThem()
    {
        await EnrollBothAsync();
        var suite = FakeAdbLab.LlamaSuite.Replace("workloads:", "preconditions:\n  airplane_mode: true\n  min_battery_percent: 50\nworkloads:", StringComparison.Ordinal);

        var refused = await QueueAsync("samsung", suite);
        await Eventually(async () => (await JobAsync(refused)).State == "failed", "the job has failed every attempt");
        var relaxed = await QueueAsync("samsung", suite, new Dictionary<string, string> { ["precondition.airplane_mode"] = "false" });
        await Eventually(async () => (await JobAsync(relaxed)).State == "completed", "the relaxed job is completed");

        var failed = await JobAsync(refused);
        Assert.Equal($"run failed: preconditions not met on phone {FakeAdbLab.Samsung}: airplane mode is off (required on)", failed.LastError);
        Assert.Null(failed.RunId);
        var run = (await admin.GetFromJsonAsync($"api/v1/runs/{(await JobAsync(relaxed)).RunId}", MeasureJson.Context.RunReport))!;
        Assert.Equal(FakeAdbLab.Samsung, run.Device.Hostname);
        Assert.Equal("met on the phone before the run (min_battery_percent=50)", run.Labels!["preconditions"]);
        Assert.Equal(1, await server.WithDbAsync(db => db.Runs.CountAsync()));
    }
}
