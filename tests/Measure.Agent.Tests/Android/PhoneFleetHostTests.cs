using Measure.Agent.Android.Fleet;
using Measure.Agent.Android.Preconditions;
using Measure.Agent.Android.Running;
using Measure.Agent.Fleet;
using Measure.Agent.Outbox;
using Measure.Agent.Tests.Fakes;
using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.Agent.Tests.Android;

public sealed class PhoneFleetHostTests
{
    /// <summary>A host given <paramref name="tokens"/> single-use enrollment tokens.</summary>
    private static PhoneFleetHost Host(FakeAdbLab lab, FakeMeasureServer server, TempStateDirectory state, HttpClient http, int tokens = 2)
    {
        var issued = Enumerable.Range(1, tokens).Select(i => $"single-use-{i}").ToList();
        issued.ForEach(token => server.AddEnrollmentToken(token, uses: 1));
        return Host(lab, server, state, http, issued);
    }

    private static PhoneFleetHost Host(FakeAdbLab lab, FakeMeasureServer server, TempStateDirectory state, HttpClient http, IReadOnlyList<string> tokens) =>
        new(lab.Adb, state.State, http,
            new AdbHostOptions(server.Address, tokens, ["lab-a"],
                new ServeOptions(TimeSpan.FromMilliseconds(50)), TimeSpan.FromMilliseconds(50),
                new PhoneRunOptions(RunPreconditions.None, lab.LlamaBench, lab.Models)),
            TimeProvider.System, _ => { });

    private static async Task Eventually(Func<bool> condition, string what)
    {
        for (var waited = 0; waited < 30_000 && !condition(); waited += 25)
            await Task.Delay(25);
        Assert.True(condition(), $"timed out waiting until {what}");
    }

    private static int HeartbeatsOf(FakeMeasureServer server, string serial) => server.Heartbeats.Count(h => h.Device.Hostname == serial);

    [Fact]
    public async Task Scan_TwoPhones_EachEnrolledAsItsOwnAgentAndHeartbeatsStopWhenUnplugged()
    {
        using var lab = new FakeAdbLab();
        await using var server = await FakeMeasureServer.StartAsync();
        using var state = new TempStateDirectory();
        using var http = new HttpClient();
        var host = Host(lab, server, state, http);

        await host.ScanAsync(CancellationToken.None);
        await Eventually(() => HeartbeatsOf(server, FakeAdbLab.Pixel) > 0 && HeartbeatsOf(server, FakeAdbLab.Samsung) > 0, "both phones heartbeat");

        Assert.Equal(["Google Pixel 6 (21281FDH2000AB)", "samsung SM-S901U (R5CT10ABCDE)"], server.AcceptedEnrollments.Select(e => e.Name).Order());
        var pixel = server.AcceptedEnrollments.Single(e => e.Device.Hostname == FakeAdbLab.Pixel);
        Assert.Equal(["android", "gs101", "pixel-6", "google", "lab-a"], pixel.Tags);
        Assert.True(File.Exists(host.PhoneState(FakeAdbLab.Pixel).CredentialPath));
        Assert.True(File.Exists(host.PhoneState(FakeAdbLab.Samsung).CredentialPath));

        lab.SetAttached(FakeAdbLab.Samsung, false);
        await host.ScanAsync(CancellationToken.None);
        Assert.Equal([FakeAdbLab.Pixel], host.Serving);
        var samsungBeats = HeartbeatsOf(server, FakeAdbLab.Samsung);
        var pixelBeats = HeartbeatsOf(server, FakeAdbLab.Pixel);
        await Eventually(() => HeartbeatsOf(server, FakeAdbLab.Pixel) >= pixelBeats + 3, "the Pixel keeps heartbeating");
        Assert.Equal(samsungBeats, HeartbeatsOf(server, FakeAdbLab.Samsung));
        await host.StopAllAsync();
    }

    [Fact]
    public async Task Scan_NewPhoneWithoutEnrollmentToken_NotServed()
    {
        using var lab = new FakeAdbLab();
        await using var server = await FakeMeasureServer.StartAsync();
        using var state = new TempStateDirectory();
        using var http = new HttpClient();
        var host = Host(lab, server, state, http, tokens: 1);

        await host.ScanAsync(CancellationToken.None);

        Assert.Single(server.AcceptedEnrollments);
        Assert.Single(host.Serving);
        await host.StopAllAsync();
    }

    [Fact]
    public async Task Scan_OneTokenWithTwoUses_EnrollsBothPhones()
    {
        using var lab = new FakeAdbLab();
        await using var server = await FakeMeasureServer.StartAsync();
        server.AddEnrollmentToken("lab-host", uses: 2);
        using var state = new TempStateDirectory();
        using var http = new HttpClient();
        var host = Host(lab, server, state, http, ["lab-host"]);

        await host.ScanAsync(CancellationToken.None);

        Assert.Equal(2, server.Enrollments.Count);
        Assert.All(server.Enrollments, e => Assert.Equal("lab-host", e.EnrollmentToken));
        Assert.Equal([FakeAdbLab.Pixel, FakeAdbLab.Samsung], host.Serving.Order(StringComparer.Ordinal));
        await host.StopAllAsync();
    }

    [Fact]
    public async Task Scan_FirstTokenUsedUp_SamePhoneEnrollsWithTheNext()
    {
        using var lab = new FakeAdbLab();
        lab.SetAttached(FakeAdbLab.Samsung, false);
        await using var server = await FakeMeasureServer.StartAsync();
        server.AddEnrollmentToken("used-up", uses: 0);
        server.AddEnrollmentToken("fresh", uses: 1);
        using var state = new TempStateDirectory();
        using var http = new HttpClient();
        var host = Host(lab, server, state, http, ["used-up", "fresh"]);

        await host.ScanAsync(CancellationToken.None);

        Assert.Equal(["used-up", "fresh"], server.Enrollments.Select(e => e.EnrollmentToken));
        Assert.Equal([FakeAdbLab.Pixel], host.Serving);
        await host.StopAllAsync();
    }

    [Fact]
    public async Task Job_PhoneUnpluggedMidRun_FailedBackToQueueAndNothingStored()
    {
        using var lab = new FakeAdbLab();
        lab.SetAttached(FakeAdbLab.Samsung, false);
        lab.UnplugWhen(FakeAdbLab.Pixel, "-p 0 -n 16");
        await using var server = await FakeMeasureServer.StartAsync();
        using var state = new TempStateDirectory();
        using var http = new HttpClient();
        var host = Host(lab, server, state, http);
        var job = server.QueueJob(FakeAdbLab.LlamaSuite);

        await host.ScanAsync(CancellationToken.None);
        await Eventually(() => !server.Failed.IsEmpty, "the job is failed");

        var (failedJob, request) = Assert.Single(server.Failed);
        Assert.Equal(job.JobId, failedJob);
        Assert.Equal(job.LeaseId, request.LeaseId);
        Assert.Contains($"phone {FakeAdbLab.Pixel} disconnected", request.Reason, StringComparison.Ordinal);
        Assert.Empty(server.RunUploadsReceived);
        Assert.Empty(server.Completed);
        Assert.Empty(new RunOutbox(host.PhoneState(FakeAdbLab.Pixel)).Pending());
        await host.ScanAsync(CancellationToken.None);
        Assert.Empty(host.Serving);
        // The battery service stays unplugged until the phone is seen again; then it is reset.
        Assert.True(File.Exists(host.Charging.MarkerPath(FakeAdbLab.Pixel)));
        lab.SetAttached(FakeAdbLab.Pixel, true);
        await host.ScanAsync(CancellationToken.None);
        Assert.False(File.Exists(host.Charging.MarkerPath(FakeAdbLab.Pixel)));
        Assert.False(lab.BatteryUnplugged(FakeAdbLab.Pixel));
        await host.StopAllAsync();
    }

    [Fact]
    public async Task Job_PixelThenSamsungWithUnmetPrecondition_UploadedAndCompletedThenFailedWithReason()
    {
        using var lab = new FakeAdbLab();
        lab.SetAttached(FakeAdbLab.Samsung, false);
        await using var server = await FakeMeasureServer.StartAsync();
        using var state = new TempStateDirectory();
        using var http = new HttpClient();
        var host = Host(lab, server, state, http);
        var job = server.QueueJob(FakeAdbLab.LlamaSuite);

        await host.ScanAsync(CancellationToken.None);
        await Eventually(() => !server.Completed.IsEmpty, "the Pixel's job is completed");

        var (completedJob, completion) = Assert.Single(server.Completed);
        Assert.Equal(job.JobId, completedJob);
        var stored = MeasureJson.DeserializeReport(server.StoredRuns[completion.RunId]);
        Assert.Equal(FakeAdbLab.Pixel, stored.Device.Hostname);
        Assert.Equal(job.JobId.ToString("D"), stored.Labels!["job_id"]);

        lab.SetAttached(FakeAdbLab.Pixel, false);
        lab.SetAttached(FakeAdbLab.Samsung, true);
        await host.ScanAsync(CancellationToken.None);
        var second = server.QueueJob(FakeAdbLab.LlamaSuite, new Dictionary<string, string> { ["precondition.airplane_mode"] = "true" });
        await Eventually(() => !server.Failed.IsEmpty, "the Samsung's job is failed");

        var (failedJob, failure) = Assert.Single(server.Failed);
        Assert.Equal(second.JobId, failedJob);
        Assert.Equal($"run failed: preconditions not met on phone {FakeAdbLab.Samsung}: airplane mode is off (required on)", failure.Reason);
        Assert.Single(server.StoredRuns);
        await host.StopAllAsync();
    }
}
