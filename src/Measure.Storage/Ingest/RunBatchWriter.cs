using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Measure.Storage.Ingest;

/// <summary>
/// Stores prepared runs with as few commits as possible and gives each its own honest outcome: new runs go in
/// together in ONE transaction (one fsync for many runs on SQLite); a run already stored under its id is
/// AlreadyStored (same content) or Conflict (other content) and writes nothing. If the shared transaction still
/// fails (a constraint, or a writer elsewhere storing the same id in between), it is rolled back and its runs
/// are stored one by one, so one bad run cannot fail the others. Each run is all-or-nothing either way.
/// </summary>
public sealed class RunBatchWriter(MeasureDbContext db, DeviceCache? devices = null)
{
    public async Task<IReadOnlyList<RunWriteResult>> WriteAsync(IReadOnlyList<PreparedRun> runs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var results = new RunWriteResult[runs.Count];
        // A run id seen again in the same batch is decided after the first one is: against what is then stored.
        var firstById = new Dictionary<Guid, int>();
        var repeats = new List<int>();
        for (var i = 0; i < runs.Count; i++)
        {
            if (!firstById.TryAdd(runs[i].RunId, i))
                repeats.Add(i);
        }

        var stored = await StoredHashesAsync(firstById.Keys.ToList(), cancellationToken).ConfigureAwait(false);
        var fresh = new List<int>();
        foreach (var (id, i) in firstById)
        {
            if (stored.TryGetValue(id, out var storedHash))
                results[i] = RunWriteResult.Stored(runs[i].OutcomeAgainst(storedHash));
            else
                fresh.Add(i);
        }

        if (fresh.Count > 0)
        {
            try
            {
                await InsertAsync(fresh.Select(i => runs[i]).ToList(), cancellationToken).ConfigureAwait(false);
                foreach (var i in fresh)
                    results[i] = RunWriteResult.Stored(StoreOutcome.Created);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                foreach (var i in fresh)
                    results[i] = await WriteOneAsync(runs[i], cancellationToken).ConfigureAwait(false);
            }
        }
        foreach (var i in repeats)
            results[i] = await WriteOneAsync(runs[i], cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>One run in its own transaction, after checking what is stored under its id; errors become its result.</summary>
    private async Task<RunWriteResult> WriteOneAsync(PreparedRun run, CancellationToken cancellationToken)
    {
        try
        {
            if (await StoredHashAsync(run.RunId, cancellationToken).ConfigureAwait(false) is { } before)
                return RunWriteResult.Stored(run.OutcomeAgainst(before));
            try
            {
                await InsertAsync([run], cancellationToken).ConfigureAwait(false);
                return RunWriteResult.Stored(StoreOutcome.Created);
            }
            catch (DbException failure)
            {
                // Stored by another writer between the check and the insert, or the run itself breaks a constraint.
                return await StoredHashAsync(run.RunId, cancellationToken).ConfigureAwait(false) is { } after
                    ? RunWriteResult.Stored(run.OutcomeAgainst(after))
                    : RunWriteResult.Failed(new DbUpdateException($"Run {run.RunId} could not be stored: {failure.Message}", failure));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return RunWriteResult.Failed(ex);
        }
    }

    private async Task InsertAsync(IReadOnlyList<PreparedRun> runs, CancellationToken cancellationToken)
    {
        var learned = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            var deviceIds = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var run in runs)
            {
                if (deviceIds.ContainsKey(run.DeviceHash))
                    continue;
                if (devices is not null && devices.TryGet(run.DeviceHash, run.ReceivedAt.UtcDateTime, out var cached))
                {
                    deviceIds[run.DeviceHash] = cached;
                    continue;
                }
                var device = await DeviceRows.UpsertAsync(db, run.Report.Device, run.ReceivedAt, cancellationToken).ConfigureAwait(false);
                deviceIds[run.DeviceHash] = learned[run.DeviceHash] = device.Id;
            }

            // Plain prepared INSERTs: the rows are new and complete, so there is nothing for change tracking to do.
            await using (var insert = new RunRowsInsert(db, transaction))
            {
                foreach (var run in runs)
                    await insert.InsertAsync(run.NewRows(deviceIds[run.DeviceHash]), cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        // Only after the commit: a device row created in a rolled-back transaction does not exist.
        var seen = runs[0].ReceivedAt.UtcDateTime;
        foreach (var (hash, id) in learned)
            devices?.Remember(hash, id, seen);
    }

    private async Task<Dictionary<Guid, string>> StoredHashesAsync(List<Guid> ids, CancellationToken cancellationToken) =>
        await db.Runs.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.ReportHash })
            .ToDictionaryAsync(r => r.Id, r => r.ReportHash, cancellationToken).ConfigureAwait(false);

    private async Task<string?> StoredHashAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Runs.AsNoTracking().Where(r => r.Id == id).Select(r => r.ReportHash)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
}
