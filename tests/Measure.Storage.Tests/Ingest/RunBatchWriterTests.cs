using Measure.Contracts;
using Measure.Storage.Ingest;
using Measure.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Measure.Storage.Tests.Ingest;

/// <summary>Group commit's per-run outcomes, asserted against SQLite and against PostgreSQL.</summary>
public abstract class RunBatchWriterTests(StorageProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = TestDatabase.Create(provider);
        await database.MigrateAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<StoreOutcome?[]> WriteAsync(DeviceCache? devices, params RunReport[] reports)
    {
        await using var db = database.NewContext();
        var results = await new RunBatchWriter(db, devices).WriteAsync(reports.Select(r => PreparedRun.From(r, SampleReports.Now)).ToList());
        return results.Select(r => r.Outcome).ToArray();
    }

    private Task<StoreOutcome?[]> WriteAsync(params RunReport[] reports) => WriteAsync(null, reports);

    private async Task<RunReport?> ReadAsync(Guid id)
    {
        await using var db = database.NewContext();
        return await new RunStore(db).GetAsync(id);
    }

    private async Task<(int Runs, int Labels, int Workloads, int Series)> RowsOfAsync(Guid id)
    {
        await using var db = database.NewContext();
        return (await db.Runs.CountAsync(r => r.Id == id),
            await db.RunLabels.CountAsync(l => l.RunId == id),
            await db.WorkloadResults.CountAsync(w => w.RunId == id),
            await db.SampleSeries.CountAsync(s => db.WorkloadResults.Any(w => w.Id == s.WorkloadResultId && w.RunId == id)));
    }

    private async Task<int> StoredRunsAsync()
    {
        await using var db = database.NewContext();
        return await db.Runs.CountAsync();
    }

    /// <summary>A report that the validator would never let through: a label without a value breaks NOT NULL.</summary>
    private static RunReport BreaksAConstraint() =>
        SampleReports.WithLatencies([7, 8]) with { Labels = new Dictionary<string, string> { ["branch"] = null! } };

    [Fact]
    public async Task Write_DistinctRuns_AllCreatedAndReadBackWhole()
    {
        var reports = Enumerable.Range(0, 6).Select(i => SampleReports.WithLatencies([i + 1.0, i + 2.5])).ToArray();

        var outcomes = await WriteAsync(reports);

        Assert.All(outcomes, o => Assert.Equal(StoreOutcome.Created, o));
        Assert.Equal(6, await StoredRunsAsync());
        foreach (var report in reports)
            Assert.Equal(MeasureJson.Serialize(report), MeasureJson.Serialize((await ReadAsync(report.RunId))!));
    }

    [Fact]
    public async Task Write_SameRunTwiceInOneBatch_CreatedThenAlreadyStored()
    {
        var report = SampleReports.WithLatencies([1, 2, 3]);

        var outcomes = await WriteAsync(report, report);

        Assert.Equal([StoreOutcome.Created, StoreOutcome.AlreadyStored], outcomes);
        Assert.Equal(1, await StoredRunsAsync());
    }

    [Fact]
    public async Task Write_SameIdOtherContentInOneBatch_CreatedThenConflictAndTheFirstIsKept()
    {
        var first = SampleReports.WithLatencies([1, 2, 3]);
        var other = SampleReports.WithLatencies([4, 5, 6], first.RunId);

        var outcomes = await WriteAsync(first, other);

        Assert.Equal([StoreOutcome.Created, StoreOutcome.Conflict], outcomes);
        Assert.Equal([1.0, 2.0, 3.0], (await ReadAsync(first.RunId))!.Workloads[0].Samples[0].Values);
    }

    [Fact]
    public async Task Write_BatchWithStoredRuns_AnswersEachAgainstWhatIsStored()
    {
        var same = SampleReports.WithLatencies([1, 2]);
        var changed = SampleReports.WithLatencies([3, 4]);
        await WriteAsync(same, changed);
        var fresh = SampleReports.WithLatencies([5, 6]);

        var outcomes = await WriteAsync(same, SampleReports.WithLatencies([9, 9], changed.RunId), fresh);

        Assert.Equal([StoreOutcome.AlreadyStored, StoreOutcome.Conflict, StoreOutcome.Created], outcomes);
        Assert.Equal(3, await StoredRunsAsync());
    }

    [Fact]
    public async Task Write_RunBreakingAConstraint_OthersAreStoredAndNothingOfItRemains()
    {
        var before = SampleReports.WithLatencies([1, 2]);
        var bad = BreaksAConstraint();
        var after = SampleReports.WithLatencies([3, 4]);
        await using var db = database.NewContext();

        var results = await new RunBatchWriter(db).WriteAsync([PreparedRun.From(before, SampleReports.Now), PreparedRun.From(bad, SampleReports.Now), PreparedRun.From(after, SampleReports.Now)]);

        Assert.Equal(StoreOutcome.Created, results[0].Outcome);
        Assert.IsType<DbUpdateException>(results[1].Error);
        Assert.Null(results[1].Outcome);
        Assert.Equal(StoreOutcome.Created, results[2].Outcome);
        Assert.Equal((0, 0, 0, 0), await RowsOfAsync(bad.RunId));
        Assert.Equal((1, 1, 1, 1), await RowsOfAsync(before.RunId));
        Assert.Equal((1, 1, 1, 1), await RowsOfAsync(after.RunId));
    }

    [Fact]
    public async Task Write_FailedBatchOnANewDevice_DoesNotCacheTheRolledBackDevice()
    {
        var devices = new DeviceCache();
        var newBoard = SampleReports.Valid().Device with { Hostname = "board-7" };
        var bad = BreaksAConstraint() with { Device = newBoard };

        var hash = DeviceIdentity.Hash(newBoard);

        var failed = await WriteAsync(devices, bad);
        var cachedAfterFailure = devices.TryGet(hash, SampleReports.Now.UtcDateTime, out _);
        var later = await WriteAsync(devices, SampleReports.WithLatencies([1, 2]) with { Device = newBoard });

        await using var db = database.NewContext();
        var stored = await db.Devices.SingleAsync(d => d.FingerprintHash == hash);
        Assert.Equal([null], failed);
        Assert.False(cachedAfterFailure);
        Assert.Equal([StoreOutcome.Created], later);
        Assert.True(devices.TryGet(hash, SampleReports.Now.UtcDateTime, out var cached));
        Assert.Equal(stored.Id, cached);
    }

    [Fact]
    public async Task Write_EmptyBatch_WritesNothing()
    {
        await using var db = database.NewContext();

        Assert.Empty(await new RunBatchWriter(db).WriteAsync([]));
        Assert.Equal(0, await StoredRunsAsync());
    }
}

public sealed class SqliteRunBatchWriterTests() : RunBatchWriterTests(StorageProvider.Sqlite);

public sealed class PostgresRunBatchWriterTests() : RunBatchWriterTests(StorageProvider.Postgres);
