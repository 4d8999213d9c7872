using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Measure.Storage;

public static class StorageRegistration
{
    public static IServiceCollection AddMeasureStorage(this IServiceCollection services, StorageOptions options)
    {
        SqliteNativeLibrary.EnsureInitialized();
        services.AddDbContextPool<MeasureDbContext>(db => Configure(db, options));
        services.AddSingleton<DeviceCache>();
        services.AddScoped<RunStore>();
        services.AddSingleton<Ingest.RunIngestQueue>();
        services.AddScoped<Fleet.JobQueue>();
        services.AddScoped<Fleet.AgentRegistry>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder db, StorageOptions options)
    {
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                db.UseSqlite(SqliteConnectionString(options));
                break;
            case StorageProvider.Postgres:
                db.UseNpgsql(options.ConnectionString ?? throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is Postgres."));
                break;
            default:
                throw new InvalidOperationException($"Unknown Storage:Provider '{options.Provider}'.");
        }
        // Migrations are hand-written without a model snapshot; the schema is checked by the upgrade tests instead.
        db.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    public static string SqliteConnectionString(StorageOptions options) =>
        options.ConnectionString ?? new SqliteConnectionStringBuilder
        {
            DataSource = options.SqliteFile,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();

    /// <summary>Creates the database if needed and applies every pending migration.</summary>
    public static async Task MigrateAsync(MeasureDbContext db, StorageOptions options, CancellationToken cancellationToken = default)
    {
        if (options.Provider == StorageProvider.Sqlite && options.ConnectionString is null)
            Directory.CreateDirectory(Path.GetDirectoryName(options.SqliteFile)!);
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await SummaryBackfill.RunAsync(db, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (options.Provider == StorageProvider.Sqlite)
        {
            // WAL lets dashboards read while an upload writes; the mode is persistent in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }
}
