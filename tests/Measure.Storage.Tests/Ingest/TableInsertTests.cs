using Measure.Contracts;
using Measure.Storage.Ingest;
using Measure.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Measure.Storage.Tests.Ingest;

/// <summary>
/// The writer's plain INSERTs must leave rows indistinguishable from the ones EF's change tracking writes,
/// column by column as the engine returns them (text formats of ids and times included), on both providers.
/// </summary>
public abstract class TableInsertTests(StorageProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = TestDatabase.Create(provider);
        await database.MigrateAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Insert_SameReportAsEfWouldWriteIt_RowsEqualColumnByColumn()
    {
        var content = SampleReports.WithLatencies([1.25, 2.5, 1e-300]) with
        {
            Phases = [new PhaseMark("decode", 0.5, 1.5, "gemv")],
            SensorTraces = [new SensorTrace("package", "power", "W", "rapl", [0.0, 0.1], [4.5, 5.25])],
            Flags = ["throttled"],
        };
        var byWriter = content with { RunId = Guid.NewGuid() };
        var byEf = content with { RunId = Guid.NewGuid() };
        await using (var db = database.NewContext())
        {
            await new RunBatchWriter(db).WriteAsync([PreparedRun.From(byWriter, SampleReports.Now)]);
            await new RunStore(db).AddBatchAsync([byEf], SampleReports.Now);
        }

        foreach (var (table, runColumn) in new[] { ("runs", "Id"), ("run_labels", "RunId"), ("workload_results", "RunId"), ("sensor_traces", "RunId") })
        {
            var writerRow = await RowAsync(table, runColumn, byWriter.RunId);
            var efRow = await RowAsync(table, runColumn, byEf.RunId);
            Assert.Equal(efRow.Keys.Order(), writerRow.Keys.Order());
            // The row ids and the content hash (which covers the run id) differ by construction.
            foreach (var (column, efValue) in efRow)
            {
                var writerValue = writerRow[column];
                Assert.Equal(efValue.GetType(), writerValue.GetType());
                if (column == runColumn)
                    Assert.Equal(Canonical(efValue, byEf.RunId), Canonical(writerValue, byWriter.RunId));
                else if (column is not ("Id" or "ReportHash"))
                    Assert.True(Equals(efValue, writerValue) || (efValue is byte[] a && writerValue is byte[] b && a.SequenceEqual(b)), $"{table}.{column}: EF wrote {efValue}, the writer {writerValue}.");
            }
        }
    }

    /// <summary>The run id's own text replaced, keeping its case and layout: two ids written alike compare equal.</summary>
    private static string Canonical(object stored, Guid id) => stored switch
    {
        string text when text == id.ToString("D").ToUpperInvariant() => "UPPER-D",
        string text when text == id.ToString("D") => "lower-D",
        Guid value when value == id => "guid",
        byte[] bytes when bytes.SequenceEqual(id.ToByteArray()) => "bytes",
        _ => $"unrecognised {stored}",
    };

    private async Task<Dictionary<string, object>> RowAsync(string table, string runColumn, Guid runId)
    {
        await using var db = database.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object>>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue));
        return rows.Single(r => Canonical(r[runColumn], runId) != $"unrecognised {r[runColumn]}");
    }
}

public sealed class SqliteTableInsertTests() : TableInsertTests(StorageProvider.Sqlite);

public sealed class PostgresTableInsertTests() : TableInsertTests(StorageProvider.Postgres);
