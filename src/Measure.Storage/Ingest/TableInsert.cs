using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Measure.Storage.Ingest;

/// <summary>
/// One INSERT for one table, built from the EF model (table, column names, and each column's type mapping, so
/// values are written exactly as EF would write them on SQLite and on PostgreSQL) and reused for every row of a
/// batch: ingest inserts thousands of identical row shapes, where change tracking only costs time.
/// A store-generated key comes back through RETURNING (SQLite 3.35+ and PostgreSQL alike).
/// </summary>
internal sealed class TableInsert<TEntity> : IAsyncDisposable
    where TEntity : class
{
    private readonly DbCommand command;
    private readonly (PropertyInfo Property, RelationalTypeMapping Mapping, string Parameter)[] columns;

    public TableInsert(MeasureDbContext db, DbConnection connection, DbTransaction transaction)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var generatedKey = entity.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] ? key : null;
        var inserted = entity.GetProperties().Where(p => p != generatedKey).ToArray();
        columns = inserted
            .Select((p, i) => (
                p.PropertyInfo ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{p.Name} has no CLR property."),
                p.GetRelationalTypeMapping(),
                $"@p{i}"))
            .ToArray();
        var names = inserted.Select(p => sql.DelimitIdentifier(p.GetColumnName()));
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", names)}) VALUES ({string.Join(", ", columns.Select(c => c.Parameter))})"
            + (generatedKey is null ? "" : $" RETURNING {sql.DelimitIdentifier(generatedKey.GetColumnName())}");
        HasGeneratedKey = generatedKey is not null;
    }

    public bool HasGeneratedKey { get; }

    /// <summary>Inserts <paramref name="row"/>; returns its generated key, or 0 for a table without one.</summary>
    public async Task<long> InsertAsync(TEntity row, CancellationToken cancellationToken)
    {
        command.Parameters.Clear();
        foreach (var (property, mapping, parameter) in columns)
            command.Parameters.Add(mapping.CreateParameter(command, parameter, property.GetValue(row), nullable: true));
        if (!HasGeneratedKey)
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        var key = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(key, System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();
}
