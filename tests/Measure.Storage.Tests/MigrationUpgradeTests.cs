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

    /// <summary>The database as a server of an earlier version left it: migrated up to <paramref name="migration"/> only.</summary>
    private async Task MigrateToAsync(MeasureDbContext db, string migration)
    {
        if (provider == StorageProvider.Sqlite)
            Directory.CreateDirectory(database.Options.DataDirectory);
        await db.GetService<IMigrator>().MigrateAsync(migration);
    }

    [Fact]
    public async Task Upgrade_FromFirstSchemaWithData_KeepsEveryRowAndIndexesLabels()
    {
        var runId = Guid.NewGuid();
        await using (var db = database.NewContext())
        {
            await MigrateToAsync(db, "20261121000001_Initial");
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

    [Fact]
    public async Task Upgrade_SingleUseTokensIssuedBefore_UsedOnesStayUsedAndFreshOnesKeepOneUse()
    {
        var issued = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
        await using (var db = database.NewContext())
        {
            await MigrateToAsync(db, "20261121000004_RunsByDevice");
            foreach (var (id, used) in new[] { ("used", (DateTime?)issued.AddMinutes(5)), ("fresh", null) })
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO api_tokens ("Id", "Name", "Kind", "Salt", "Hash", "CreatedAtUtc", "ExpiresAtUtc", "UsedAtUtc")
                    VALUES ({id}, {"enrollment"}, {"enrollment"}, {new byte[16]}, {new byte[32]}, {issued}, {issued.AddDays(1)}, {used})
                    """);
            }
        }

        await database.MigrateAsync();

        await using (var migrated = database.NewContext())
        {
            var tokens = await migrated.ApiTokens.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.MaxUses, t.UseCount }).ToListAsync();
            Assert.Equal([("fresh", 1, 0), ("used", 1, 1)], tokens.Select(t => (t.Id, t.MaxUses, t.UseCount)));
        }
    }
}

public sealed class SqliteMigrationUpgradeTests() : MigrationUpgradeTests(StorageProvider.Sqlite);

public sealed class PostgresMigrationUpgradeTests() : MigrationUpgradeTests(StorageProvider.Postgres);
