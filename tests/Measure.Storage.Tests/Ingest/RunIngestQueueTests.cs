using Measure.Contracts;
using Measure.Storage.Ingest;
using Measure.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Measure.Storage.Tests.Ingest;

/// <summary>Concurrent uploads through the one writer, asserted against SQLite and against PostgreSQL.</summary>
public abstract class RunIngestQueueTests(StorageProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private ServiceProvider services = null!;

    private RunIngestQueue Queue => services.GetRequiredService<RunIngestQueue>();

    public async Task InitializeAsync()
    {
        database = TestDatabase.Create(provider);
        await database.MigrateAsync();
        services = new ServiceCollection().AddMeasureStorage(database.Options).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    private Task<StoreOutcome> StoreAsync(RunReport report, CancellationToken cancellationToken = default) =>
        Queue.StoreAsync(PreparedRun.From(report, SampleReports.Now), cancellationToken);

    private async Task<int> StoredRunsAsync()
    {
        await using var db = database.NewContext();
        return await db.Runs.CountAsync();
    }

    [Fact]
    public async Task Store_ConcurrentDistinctUploads_AllStoredExactlyOnce()
    {
        var reports = Enumerable.Range(0, 48).Select(i => SampleReports.WithLatencies([i + 1.0, 0.5])).ToList();

        var outcomes = await Task.WhenAll(reports.Select(r => Task.Run(() => StoreAsync(r))));

        Assert.All(outcomes, o => Assert.Equal(StoreOutcome.Created, o));
        await using var db = database.NewContext();
        Assert.Equal(reports.Select(r => r.RunId).Order(), (await db.Runs.Select(r => r.Id).ToListAsync()).Order());
        Assert.Equal(48, await db.WorkloadResults.CountAsync());
        Assert.Equal(1, await db.Devices.CountAsync());
    }

    [Fact]
    public async Task Store_SameRunPostedConcurrentlyTwice_OneCreatedAndOneAlreadyStored()
    {
        var reports = Enumerable.Range(0, 12).Select(i => SampleReports.WithLatencies([i + 1.0])).ToList();

        var pairs = await Task.WhenAll(reports.Select(r => Task.WhenAll(Task.Run(() => StoreAsync(r)), Task.Run(() => StoreAsync(r)))));

        Assert.All(pairs, pair => Assert.Equal([StoreOutcome.Created, StoreOutcome.AlreadyStored], pair.Order()));
        Assert.Equal(12, await StoredRunsAsync());
    }

    [Fact]
    public async Task Store_SameIdOtherContentConcurrently_OneCreatedOneConflictAndTheCreatedOneIsKept()
    {
        var first = SampleReports.WithLatencies([1, 2, 3]);
        var other = SampleReports.WithLatencies([4, 5, 6], first.RunId);

        var outcomes = await Task.WhenAll(Task.Run(() => StoreAsync(first)), Task.Run(() => StoreAsync(other)));

        Assert.Equal([StoreOutcome.Created, StoreOutcome.Conflict], outcomes.Order());
        var winner = outcomes[0] == StoreOutcome.Created ? first : other;
        await using var db = database.NewContext();
        var stored = await new RunStore(db).GetAsync(first.RunId);
        Assert.Equal(MeasureJson.Serialize(winner), MeasureJson.Serialize(stored!));
    }

    [Fact]
    public async Task Store_ConstraintBreakingRunAmongOthers_OthersStoredAndItFailsWhole()
    {
        var good = Enumerable.Range(0, 10).Select(i => SampleReports.WithLatencies([i + 1.0])).ToList();
        var bad = SampleReports.WithLatencies([5]) with { Labels = new Dictionary<string, string> { ["branch"] = null! } };

        var goodTasks = good.Select(r => Task.Run(() => StoreAsync(r))).ToList();
        var badTask = Task.Run(() => StoreAsync(bad));

        Assert.All(await Task.WhenAll(goodTasks), o => Assert.Equal(StoreOutcome.Created, o));
        await Assert.ThrowsAsync<DbUpdateException>(() => badTask);
        await using var db = database.NewContext();
        Assert.Equal(10, await db.Runs.CountAsync());
        Assert.Equal(0, await db.WorkloadResults.CountAsync(w => w.RunId == bad.RunId));
        Assert.Equal(10, await db.RunLabels.CountAsync());
    }

    [Fact]
    public async Task Store_CallerAlreadyGaveUp_StoresNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StoreAsync(SampleReports.WithLatencies([1]), cancelled.Token));
        await StoreAsync(SampleReports.WithLatencies([2]));

        Assert.Equal(1, await StoredRunsAsync());
    }

    [Fact]
    public async Task Drain_WithRunsQueued_WritesThemAllBeforeReturningAndTakesNoMore()
    {
        var queue = Queue;
        var reports = Enumerable.Range(0, 30).Select(i => SampleReports.WithLatencies([i + 1.0])).ToList();
        var stores = reports.Select(r => queue.StoreAsync(PreparedRun.From(r, SampleReports.Now))).ToList();

        await queue.DrainAsync();
        var storedOnReturn = await StoredRunsAsync();

        Assert.Equal(30, storedOnReturn);
        Assert.All(await Task.WhenAll(stores), o => Assert.Equal(StoreOutcome.Created, o));
        await Assert.ThrowsAsync<InvalidOperationException>(() => queue.StoreAsync(PreparedRun.From(SampleReports.WithLatencies([1]), SampleReports.Now)));
    }
}

public sealed class SqliteRunIngestQueueTests() : RunIngestQueueTests(StorageProvider.Sqlite);

public sealed class PostgresRunIngestQueueTests() : RunIngestQueueTests(StorageProvider.Postgres);
