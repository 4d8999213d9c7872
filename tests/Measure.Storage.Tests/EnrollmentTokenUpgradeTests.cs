using Measure.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Measure.Storage.Tests;

/// <summary>Enrollment tokens issued before multi-use tokens existed keep their single use through the upgrade.</summary>
public abstract class EnrollmentTokenUpgradeTests(StorageProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;

    public Task InitializeAsync()
    {
        database = TestDatabase.Create(provider);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Upgrade_SingleUseTokensIssuedBefore_UsedOnesStayUsedAndFreshOnesKeepOneUse()
    {
        var issued = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
        await using (var db = database.NewContext())
        {
            if (provider == StorageProvider.Sqlite)
                Directory.CreateDirectory(database.Options.DataDirectory);
            await db.GetService<IMigrator>().MigrateAsync("20261121000004_RunsByDevice");
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

public sealed class SqliteEnrollmentTokenUpgradeTests() : EnrollmentTokenUpgradeTests(StorageProvider.Sqlite);

public sealed class PostgresEnrollmentTokenUpgradeTests() : EnrollmentTokenUpgradeTests(StorageProvider.Postgres);
