using Measure.Tests.Shared;
using Measure.Contracts;

using Microsoft.EntityFrameworkCore;

namespace Measure.Storage.Tests;

/// <summary>The same storage behaviour, asserted against SQLite and against PostgreSQL.</summary>
public abstract class RunStoreTests(StorageProvider provider) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = TestDatabase.Create(provider);
        await Database.MigrateAsync();
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    private async Task<StoreOutcome> AddAsync(RunReport report)
    {
        await using var db = Database.NewContext();
        return await new RunStore(db).AddAsync(report, SampleReports.Now);
    }

    private async Task<T> WithStoreAsync<T>(Func<RunStore, Task<T>> action)
    {
        await using var db = Database.NewContext();
        return await action(new RunStore(db));
    }

    [Fact]
    public async Task Add_ThenGet_ReturnsTheSameReport()
    {
        var report = SampleReports.WithLatencies([1.25, 1.5, double.Epsilon, 1e300]) with
        {
            Phases = [new PhaseMark("decode", 0.5, 1.5, "gemv")],
            SensorTraces = [new SensorTrace("package", "power", "W", "rapl", [0.0, 0.1], [4.5, 5.25])],
            Flags = ["throttled"],
        };

        Assert.Equal(StoreOutcome.Created, await AddAsync(report));
        var read = await WithStoreAsync(s => s.GetAsync(report.RunId));

        Assert.Equal(MeasureJson.Serialize(report), MeasureJson.Serialize(read!));
    }

    [Fact]
    public async Task AddBatch_StoresNewRunsOnceAndSkipsStoredOnes()
    {
        var stored = SampleReports.WithLatencies([1, 2]);
        await AddAsync(stored);
        var fresh = Enumerable.Range(0, 5).Select(i => SampleReports.WithLatencies([i + 1.0])).ToList();

        var added = await WithStoreAsync(s => s.AddBatchAsync([stored, .. fresh, fresh[0]], SampleReports.Now));
        var readBack = await WithStoreAsync(s => s.GetAsync(fresh[3].RunId));

        Assert.Equal(5, added);
        Assert.Equal(6, await WithStoreAsync(_ => Database.NewContext().Runs.CountAsync()));
        Assert.Equal(MeasureJson.Serialize(fresh[3]), MeasureJson.Serialize(readBack!));
    }

    [Fact]
    public async Task Add_StoresPerMetricSummaries()
    {
        var report = SampleReports.WithLatencies([4, 1, 3, 2, 5]);

        await AddAsync(report);
        await using var db = Database.NewContext();
        var summaries = WorkloadSummaries.Deserialize(await db.WorkloadResults.Select(w => w.SummaryJson).SingleAsync());

        var latency = summaries.Single(m => m.Metric == "latency");
        Assert.Equal((5, 3.0, 1.0, 5.0, 4.6), (latency.Count, latency.Median!.Value, latency.Min!.Value, latency.Max!.Value, latency.P90!.Value));
        Assert.Equal("device not probed", summaries.Single(m => m.Metric == "roofline_fraction").Unavailable);
        Assert.Equal(3.1, summaries.Single(m => m.Metric == "weight_bandwidth").Headline);
    }

    [Fact]
    public async Task Add_SameReportTwice_SecondIsAlreadyStored()
    {
        var report = SampleReports.WithLatencies([1, 2, 3]);

        Assert.Equal(StoreOutcome.Created, await AddAsync(report));
        Assert.Equal(StoreOutcome.AlreadyStored, await AddAsync(report));
        Assert.Equal(1, await WithStoreAsync(_ => Database.NewContext().Runs.CountAsync()));
    }

    [Fact]
    public async Task Add_OtherReportWithSameId_IsConflictAndChangesNothing()
    {
        var report = SampleReports.WithLatencies([1, 2, 3]);
        await AddAsync(report);

        Assert.Equal(StoreOutcome.Conflict, await AddAsync(SampleReports.WithLatencies([4, 5, 6], report.RunId)));
        var read = await WithStoreAsync(s => s.GetAsync(report.RunId));
        Assert.Equal([1.0, 2.0, 3.0], read!.Workloads[0].Samples[0].Values);
    }

    [Fact]
    public async Task Add_SameRunConcurrently_StoresItOnce()
    {
        var report = SampleReports.WithLatencies([1, 2, 3]);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => AddAsync(report))));

        Assert.Equal(1, outcomes.Count(o => o == StoreOutcome.Created));
        Assert.All(outcomes, o => Assert.NotEqual(StoreOutcome.Conflict, o));
        await using var db = Database.NewContext();
        Assert.Equal(1, await db.Runs.CountAsync());
        Assert.Equal(1, await db.Devices.CountAsync());
    }

    [Fact]
    public async Task List_FiltersBySuiteDeviceAndLabels_NewestFirst()
    {
        var t0 = SampleReports.Now.AddHours(-5);
        var main1 = SampleReports.WithLatencies([1, 2]) with { StartedAt = t0, FinishedAt = t0.AddMinutes(1), Labels = new Dictionary<string, string> { ["branch"] = "main" } };
        var main2 = SampleReports.WithLatencies([1, 2]) with { StartedAt = t0.AddHours(1), FinishedAt = t0.AddHours(1).AddMinutes(1), Labels = new Dictionary<string, string> { ["branch"] = "main", ["commit"] = "abc" } };
        var feature = SampleReports.WithLatencies([1, 2]) with { StartedAt = t0.AddHours(2), FinishedAt = t0.AddHours(2).AddMinutes(1), Labels = new Dictionary<string, string> { ["branch"] = "feature" } };
        foreach (var r in new[] { main1, main2, feature })
            await AddAsync(r);

        var onMain = await WithStoreAsync(s => s.ListAsync(new RunQuery(Labels: new Dictionary<string, string> { ["branch"] = "main" }), null, 10));
        var onCommit = await WithStoreAsync(s => s.ListAsync(new RunQuery(Labels: new Dictionary<string, string> { ["branch"] = "main", ["commit"] = "abc" }), null, 10));
        var otherSuite = await WithStoreAsync(s => s.ListAsync(new RunQuery(Suite: "standard"), null, 10));
        var byDevice = await WithStoreAsync(s => s.ListAsync(new RunQuery(Device: DeviceIdentity.DisplayName(main1.Device)), null, 10));
        var byKey = await WithStoreAsync(s => s.ListAsync(new RunQuery(ComparabilityKey: ComparabilityKey.Compute(main1.Workloads[0], main1.Device, main1.Suite)), null, 10));
        var byOtherKey = await WithStoreAsync(s => s.ListAsync(new RunQuery(ComparabilityKey: "0000000000000000"), null, 10));

        Assert.Equal([main2.RunId, main1.RunId], onMain.Items.Select(r => r.RunId));
        Assert.Equal([main2.RunId], onCommit.Items.Select(r => r.RunId));
        Assert.Empty(otherSuite.Items);
        Assert.Equal(3, byDevice.Items.Count);
        Assert.Equal(3, byKey.Items.Count);
        Assert.Empty(byOtherKey.Items);
    }

    [Fact]
    public async Task List_PagesWithCursorUntilTheEnd()
    {
        for (var i = 0; i < 7; i++)
            await AddAsync(SampleReports.WithLatencies([i + 1.0]) with { StartedAt = SampleReports.Now.AddMinutes(-60 + i), FinishedAt = SampleReports.Now.AddMinutes(-59 + i) });

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await WithStoreAsync(s => s.ListAsync(RunQuery.All, cursor, 3));
            seen.AddRange(page.Items.Select(r => r.RunId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(7, seen.Distinct().Count());
    }
}

public sealed class SqliteRunStoreTests() : RunStoreTests(StorageProvider.Sqlite);

public sealed class PostgresRunStoreTests() : RunStoreTests(StorageProvider.Postgres);
