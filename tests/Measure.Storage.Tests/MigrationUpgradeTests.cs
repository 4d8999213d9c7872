using Measure.Tests.Shared;
using Measure.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Measure.Storage.Tests;

/// <summary>
/// A database created at the first schema and filled there keeps every row through later migrations,
/// and the migrated rows read back through today's model.
/// </summary>
public abstract class MigrationUpgradeTests(StorageProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;

    public Task InitializeAsync()
    {
        database = TestDatabase.Create(provider);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Upgrade_FromFirstSchemaWithData_KeepsEveryRowAndIndexesLabels()
    {
        var runId = Guid.NewGuid();
        await using (var db = database.NewContext())
        {
            if (provider == StorageProvider.Sqlite)
                Directory.CreateDirectory(database.Options.DataDirectory);
            await db.GetService<IMigrator>().MigrateAsync("20261121000001_Initial");
            await FirstSchemaRows.InsertAsync(db, runId);
        }

        await database.MigrateAsync();

        await using (var db = database.NewContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var report = await new RunStore(db).GetAsync(runId);
            Assert.NotNull(report);
            Assert.Equal([1.5, 2.5, 3.5], report.Workloads[0].Samples[0].Values);
            Assert.Equal("main", report.Labels!["branch"]);
            Assert.Equal(1, await db.Devices.CountAsync());
            var onMain = await new RunStore(db).ListAsync(new RunQuery(Labels: new Dictionary<string, string> { ["branch"] = "main" }), null, 10);
            Assert.Equal([runId], onMain.Items.Select(r => r.RunId));
            var summary = WorkloadSummaries.Deserialize(await db.WorkloadResults.Select(w => w.SummaryJson).SingleAsync());
            Assert.Equal(2.5, summary.Single(m => m.Metric == "latency").Median);
        }
    }
}

public sealed class SqliteMigrationUpgradeTests() : MigrationUpgradeTests(StorageProvider.Sqlite);

public sealed class PostgresMigrationUpgradeTests() : MigrationUpgradeTests(StorageProvider.Postgres);
