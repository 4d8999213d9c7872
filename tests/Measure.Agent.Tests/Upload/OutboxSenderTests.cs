using Measure.Agent.Outbox;
using Measure.Agent.Tests.Fakes;
using Measure.Agent.Upload;
using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.Agent.Tests.Upload;

public sealed class OutboxSenderTests
{
    private static readonly UploadRetryOptions FastRetries = new(MaxRetryAttempts: 3, FirstDelay: TimeSpan.FromMilliseconds(5), MaxDelay: TimeSpan.FromMilliseconds(20));

    private static OutboxSender Sender(RunOutbox outbox, HttpClient http) => new(outbox, new RunUploader(http), FastRetries.BuildPipeline());

    [Fact]
    public async Task Drain_ServerUnavailableTwiceThenUp_RetriesAndDeliversOnce()
    {
        await using var server = await FakeMeasureServer.StartAsync();
        using var temp = new TempStateDirectory();
        using var http = new HttpClient();
        var outbox = new RunOutbox(temp.State);
        var report = SampleReports.Valid(Guid.NewGuid());
        outbox.Add(report);
        server.ScriptRunStatuses(503, 429);

        var summary = await Sender(outbox, http).DrainAsync(server.Address, FakeMeasureServer.RunsToken, null, CancellationToken.None);

        Assert.True(summary.Complete);
        Assert.Equal(report.RunId, Assert.Single(summary.Delivered).RunId);
        Assert.Equal(3, server.RunUploadsReceived.Count);
        Assert.Equal(MeasureJson.Serialize(report), server.StoredRuns[report.RunId]);
        Assert.Empty(outbox.Pending());
    }

    [Fact]
    public async Task Drain_ConflictingReport_RejectedNotRetriedAndTheNextStillSent()
    {
        await using var server = await FakeMeasureServer.StartAsync();
        using var temp = new TempStateDirectory();
        using var http = new HttpClient();
        var outbox = new RunOutbox(temp.State);
        var id = Guid.NewGuid();
        server.StoredRuns[id] = "a different report";
        var clashing = outbox.Add(SampleReports.Valid(id));
        File.SetLastWriteTimeUtc(clashing.Path, DateTime.UtcNow.AddMinutes(-1));
        var fine = SampleReports.Valid(Guid.NewGuid());
        outbox.Add(fine);

        var summary = await Sender(outbox, http).DrainAsync(server.Address, FakeMeasureServer.RunsToken, null, CancellationToken.None);

        var rejected = Assert.Single(summary.Rejected);
        Assert.Equal(id, rejected.RunId);
        Assert.StartsWith("409", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(fine.RunId, Assert.Single(summary.Delivered).RunId);
        Assert.Equal(1, server.RunUploadsReceived.Count(r => r == id));
        Assert.Single(outbox.Rejected());
    }

    [Fact]
    public async Task Drain_BadToken_KeepsEverythingPendingWithoutRetrying()
    {
        await using var server = await FakeMeasureServer.StartAsync();
        using var temp = new TempStateDirectory();
        using var http = new HttpClient();
        var outbox = new RunOutbox(temp.State);
        outbox.Add(SampleReports.Valid(Guid.NewGuid()));
        outbox.Add(SampleReports.Valid(Guid.NewGuid()));

        var summary = await Sender(outbox, http).DrainAsync(server.Address, "wrong", null, CancellationToken.None);

        Assert.Equal(UploadVerdict.Unauthorized, summary.StoppedBy!.Verdict);
        Assert.Equal(2, summary.Remaining);
        Assert.Equal(2, outbox.Pending().Count);
        Assert.Empty(outbox.Rejected());
    }

    [Fact]
    public async Task Drain_ServerDown_StopsAfterRetriesAndKeepsTheReport()
    {
        using var temp = new TempStateDirectory();
        using var http = new HttpClient();
        var outbox = new RunOutbox(temp.State);
        outbox.Add(SampleReports.Valid(Guid.NewGuid()));
        Uri down;
        await using (var server = await FakeMeasureServer.StartAsync())
            down = server.Address;

        var summary = await Sender(outbox, http).DrainAsync(down, FakeMeasureServer.RunsToken, null, CancellationToken.None);

        Assert.Equal(UploadVerdict.Transient, summary.StoppedBy!.Verdict);
        Assert.Single(outbox.Pending());
    }

    [Fact]
    public async Task Drain_SameRunSentTwice_ServerStoresItOnce()
    {
        await using var server = await FakeMeasureServer.StartAsync();
        using var temp = new TempStateDirectory();
        using var http = new HttpClient();
        var outbox = new RunOutbox(temp.State);
        var report = SampleReports.Valid(Guid.NewGuid());
        outbox.Add(report);
        await Sender(outbox, http).DrainAsync(server.Address, FakeMeasureServer.RunsToken, null, CancellationToken.None);
        outbox.Add(report);

        var again = await Sender(outbox, http).DrainAsync(server.Address, FakeMeasureServer.RunsToken, null, CancellationToken.None);

        Assert.Single(again.Delivered);
        Assert.Single(server.StoredRuns);
    }
}
