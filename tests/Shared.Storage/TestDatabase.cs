using Measure.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Measure.Tests.Shared;

/// <summary>
/// A fresh, empty database on a real engine: a temporary SQLite file, or a new database on the PostgreSQL
/// server the test command starts (MEASURE_TEST_POSTGRES). Dispose drops it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "MEASURE_TEST_POSTGRES";

    private readonly Func<ValueTask> drop;

    private TestDatabase(StorageOptions options, Func<ValueTask> drop)
    {
        Options = options;
        this.drop = drop;
    }

    public StorageOptions Options { get; }

    public static TestDatabase Create(StorageProvider provider) => provider switch
    {
        StorageProvider.Sqlite => CreateSqlite(),
        _ => CreatePostgres(),
    };

    /// <summary>Server settings that point a test server at this database.</summary>
    public IReadOnlyDictionary<string, string?> ServerSettings() => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = Options.Provider.ToString(),
        ["Storage:ConnectionString"] = Options.ConnectionString ?? StorageRegistration.SqliteConnectionString(Options),
    };

    public MeasureDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<MeasureDbContext>();
        StorageRegistration.Configure(builder, Options);
        return new MeasureDbContext(builder.Options);
    }

    public async Task MigrateAsync()
    {
        await using var db = NewContext();
        await StorageRegistration.MigrateAsync(db, Options);
    }

    private static TestDatabase CreateSqlite()
    {
        SqliteNativeLibrary.EnsureInitialized();
        var directory = Directory.CreateTempSubdirectory("measure-storage-").FullName;
        var options = new StorageOptions { Provider = StorageProvider.Sqlite, DataDirectory = directory };
        return new TestDatabase(options, () =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            return ValueTask.CompletedTask;
        });
    }

    private static TestDatabase CreatePostgres()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");
        var name = "measure_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            create.ExecuteNonQuery();
        }
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 250 }.ToString();
        var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connection };
        return new TestDatabase(options, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var dropCommand = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await dropCommand.ExecuteNonQueryAsync();
        });
    }

    public ValueTask DisposeAsync() => drop();
}
