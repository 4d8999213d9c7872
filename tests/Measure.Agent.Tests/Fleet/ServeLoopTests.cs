using Measure.Agent.Fleet;
using Measure.Agent.Outbox;
using Measure.Agent.Suites;
using Measure.Agent.Tests.Fakes;
using Measure.Agent.Upload;
using Measure.Contracts;
using Measure.Contracts.Fleet;
using Measure.Tests.Shared;

namespace Measure.Agent.Tests.Fleet;

public sealed class ServeLoopTests
{
    private const string Suite = """
        suite: fleet
        version: 2
        rules:
          warmup: {min: 0, max: 0}
          min_iterations: 3
        workloads:
          - kind: gemv
            precisions: [f32]
            params: {rows: 64, cols: 64}
        """;

    private static ServeLoop Loop(FakeMeasureServer server, HttpClient http, RunOutbox outbox, SuiteExecutor execute, int maxJobs, List<string> log) =>
        new(new FleetClient(http, server.Address, FakeMeasureServer.AgentToken),
            outbox,
            new OutboxSender(outbox, new RunUploader(http), new UploadRetryOptions(1, TimeSpan.FromMilliseconds(5)).BuildPipeline()),
            FakeMeasureServer.AgentToken,
            () => SampleReports.Valid().Device,
            execute,
            new ServeOptions(TimeSpan.FromMilliseconds(20), MaxJobs: maxJobs),
            TimeProvider.System,
            m => { lock (log) log.Add(m); });

    [Fact]
    public async Task Run_LeasedJob_RunsUploadsAndCompletesWithTheRunId()
    {
        await using var server = await FakeMeasureServer.StartAsync();
        using var temp = new TempStateDirectory();
        using var http = new HttpClient();
        var outbox = new RunOutbox(temp.State);
        var lease = server.QueueJob(Suite, new Dictionary<string, string> { ["branch"] = "main" });
        SuiteDefinition? ran = null;
        IReadOnlyDictionary<string, string>? ranLabels = null;
        var log = new List<string>();

        var jobs = await Loop(server, http, outbox, (suite, labels, _) =>
        {
            ran = suite;
            ranLabels = labels;
            return SampleReports.Valid(Guid.NewGuid()) with { Labels = labels };
        }, maxJobs: 1, log).RunAsync(CancellationToken.None);

        Assert.Equal(1, jobs);
        Assert.Equal("fleet", ran!.Id);
        Assert.Equal("main", ranLabels!["branch"]);
        Assert.Equal(lease.JobId.ToString("D"), ranLabels["job_id"]);
        var stored = Assert.Single(server.StoredRuns);
        var completed = Assert.Single(server.Completed);
        Assert.Equal(lease.JobId, completed.JobId);
        Assert.Equal(new CompleteJobRequest(lease.LeaseId, stored.Key), completed.Request);
        Assert.Empty(outbox.Pending());
        Assert.NotEmpty(server.Heartbeats);
    }

    [Fact]
    public async Task Run_InvalidSuite_FailsTheJobWithTheReason()
    {
        await using var server = await FakeMeasureServer.StartAsync();
        using var temp = new TempStateDirectory();
        using var http = new HttpClient();
        var lease = server.QueueJob("suite: broken\nversion: 1\n");

        await Loop(server, http, new RunOutbox(temp.State), (_, _, _) => throw new InvalidOperationException("must not run"), 1, [])
            .RunAsync(CancellationToken.None);

        var failed = Assert.Single(server.Failed);
        Assert.Equal(lease.JobId, failed.JobId);
        Assert.Contains("invalid suite", failed.Request.Reason, StringComparison.Ordinal);
        Assert.Empty(server.StoredRuns);
    }

    [Fact]
    public async Task Run_WorkloadThrows_FailsTheJobAndStoresNothing()
    {
        await using var server = await FakeMeasureServer.StartAsync();
        using var temp = new TempStateDirectory();
        using var http = new HttpClient();
        server.QueueJob(Suite);

        await Loop(server, http, new RunOutbox(temp.State), (_, _, _) => throw new InvalidDataException("sensor exploded"), 1, [])
            .RunAsync(CancellationToken.None);

        Assert.Contains("sensor exploded", Assert.Single(server.Failed).Request.Reason, StringComparison.Ordinal);
        Assert.Empty(server.StoredRuns);
    }

    [Fact]
    public async Task Run_UploadFailsForNow_RunStaysInOutboxAndIsDeliveredAndCompletedNextCycle()
    {
        await using var server = await FakeMeasureServer.StartAsync();
        using var temp = new TempStateDirectory();
        using var http = new HttpClient();
        var outbox = new RunOutbox(temp.State);
        var lease = server.QueueJob(Suite);
        server.ScriptRunStatuses(503, 503);
        var report = SampleReports.Valid(Guid.NewGuid());

        await Loop(server, http, outbox, (_, _, _) => report, maxJobs: 1, []).RunAsync(CancellationToken.None);
        Assert.Single(outbox.Pending());
        Assert.Empty(server.Completed);

        using var stop = new CancellationTokenSource();
        var second = Loop(server, http, outbox, (_, _, _) => throw new InvalidOperationException("no job expected"), maxJobs: 1, []).RunAsync(stop.Token);
        while (server.Completed.IsEmpty)
            await Task.Delay(20).WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await second;

        Assert.Equal(report.RunId, Assert.Single(server.StoredRuns).Key);
        Assert.Equal(lease.JobId, Assert.Single(server.Completed).JobId);
        Assert.Empty(outbox.Pending());
    }

    [Fact]
    public async Task Enroll_ValidToken_StoresOwnerOnlyCredential()
    {
        await using var server = await FakeMeasureServer.StartAsync();
        using var temp = new TempStateDirectory();

        var exit = await Measure.Agent.Commands.EnrollCommand.ExecuteAsync(temp.State, server.Address.ToString(), FakeMeasureServer.EnrollmentToken, "pi-07", ["rpi5", "lab-a"], CancellationToken.None);

        Assert.Equal(0, exit);
        var credential = new CredentialStore(temp.State).Load();
        Assert.Equal(FakeMeasureServer.AgentToken, credential.Token);
        Assert.Equal(["rpi5", "lab-a"], credential.Tags);
        Assert.Equal(server.Address, credential.Server);
        Assert.Equal(["rpi5", "lab-a"], Assert.Single(server.Enrollments).Tags);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(CredentialStore.OwnerOnly, File.GetUnixFileMode(new CredentialStore(temp.State).Path));
    }

    [Fact]
    public async Task Enroll_UsedToken_BadInputAndNoCredential()
    {
        await using var server = await FakeMeasureServer.StartAsync();
        using var temp = new TempStateDirectory();

        var exit = await Measure.Agent.Commands.EnrollCommand.ExecuteAsync(temp.State, server.Address.ToString(), "spent", "pi-07", [], CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Null(new CredentialStore(temp.State).TryLoad());
    }
}
