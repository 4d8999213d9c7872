using Measure.Agent.Outbox;
using Measure.Agent.State;
using Measure.Agent.Tests.Fakes;
using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.Agent.Tests.Outbox;

public sealed class RunOutboxTests
{
    [Fact]
    public void Add_Report_IsPendingWithItsExactJson()
    {
        using var temp = new TempStateDirectory();
        var outbox = new RunOutbox(temp.State);
        var report = SampleReports.Valid(Guid.NewGuid());

        var entry = outbox.Add(report);

        var pending = Assert.Single(outbox.Pending());
        Assert.Equal(report.RunId, pending.RunId);
        Assert.Equal(entry.Path, pending.Path);
        Assert.Equal(MeasureJson.Serialize(report), RunOutbox.ReadReport(pending));
        Assert.Null(pending.Job);
    }

    [Fact]
    public void Add_WithJobTicket_TicketTravelsWithTheEntryAndLeavesWithIt()
    {
        using var temp = new TempStateDirectory();
        var outbox = new RunOutbox(temp.State);
        var ticket = new JobTicket(Guid.NewGuid(), Guid.NewGuid());
        outbox.Add(SampleReports.Valid(Guid.NewGuid()), ticket);

        var entry = Assert.Single(outbox.Pending());
        Assert.Equal(ticket, entry.Job);

        outbox.Remove(entry);
        Assert.Empty(outbox.Pending());
        Assert.Empty(Directory.GetFiles(outbox.PendingDirectory));
    }

    [Fact]
    public void Pending_InterruptedTemporaryWrite_IsNotAnEntryAndIsCleanedUp()
    {
        using var temp = new TempStateDirectory();
        var outbox = new RunOutbox(temp.State);
        Directory.CreateDirectory(outbox.PendingDirectory);
        var partial = Path.Join(outbox.PendingDirectory, $"{Guid.NewGuid():D}.json.4242{DurableFile.TemporarySuffix}");
        File.WriteAllText(partial, "{\"schemaVersion\":1,\"runId\":");

        Assert.Empty(outbox.Pending());
        Assert.Equal(1, outbox.DeleteInterruptedWrites());
        Assert.False(File.Exists(partial));
    }

    [Fact]
    public void Reject_Entry_MovesToRejectedWithReason()
    {
        using var temp = new TempStateDirectory();
        var outbox = new RunOutbox(temp.State);
        var entry = outbox.Add(SampleReports.Valid(Guid.NewGuid()));

        outbox.Reject(entry, "409 Run id already used");

        Assert.Empty(outbox.Pending());
        var rejected = Assert.Single(outbox.Rejected());
        Assert.Equal(entry.RunId, rejected.RunId);
        Assert.Equal("409 Run id already used", rejected.Reason);
        Assert.True(File.Exists(rejected.Path));
    }

    [Fact]
    public void Pending_SeveralReports_OldestFirst()
    {
        using var temp = new TempStateDirectory();
        var outbox = new RunOutbox(temp.State);
        var first = outbox.Add(SampleReports.Valid(Guid.NewGuid()));
        File.SetLastWriteTimeUtc(first.Path, DateTime.UtcNow.AddMinutes(-5));
        var second = outbox.Add(SampleReports.Valid(Guid.NewGuid()));

        Assert.Equal([first.RunId, second.RunId], outbox.Pending().Select(e => e.RunId));
    }
}
