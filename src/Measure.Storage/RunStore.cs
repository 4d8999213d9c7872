using System.Globalization;
using System.Text;
using Measure.Contracts;
using Measure.Storage.Entities;
using Measure.Storage.Ingest;
using Microsoft.EntityFrameworkCore;

namespace Measure.Storage;

/// <summary>Stores runs all-or-nothing (one at a time, or a history import) and reads them back; concurrent uploads go through <see cref="RunIngestQueue"/>.</summary>
public sealed class RunStore(MeasureDbContext db, DeviceCache? devices = null)
{
    public const int MaxPageSize = 200;

    /// <summary>The content hash stored with a run (see <see cref="ReportHash"/>).</summary>
    public static string ContentHash(RunReport report) => ReportHash.Compute(report);

    public async Task<StoreOutcome> AddAsync(RunReport report, DateTimeOffset receivedAt, CancellationToken cancellationToken = default) =>
        await AddAsync(report, receivedAt, uploadedByAgentId: null, cancellationToken).ConfigureAwait(false);

    /// <summary>Stores one run on its own (see <see cref="RunIngestQueue"/> for many concurrent uploads).</summary>
    public async Task<StoreOutcome> AddAsync(RunReport report, DateTimeOffset receivedAt, Guid? uploadedByAgentId, CancellationToken cancellationToken = default)
    {
        var results = await new RunBatchWriter(db, devices).WriteAsync([PreparedRun.From(report, receivedAt, uploadedByAgentId)], cancellationToken).ConfigureAwait(false);
        return results[0].OutcomeOrThrow();
    }

    /// <summary>
    /// Stores many new runs in one transaction (bulk import of history, benchmark seeding): runs whose id is
    /// already stored are skipped, and nothing is written if any insert fails.
    /// </summary>
    public async Task<int> AddBatchAsync(IReadOnlyList<RunReport> reports, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        var ids = reports.Select(r => r.RunId).ToList();
        var existing = (await db.Runs.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var added = 0;
        foreach (var report in reports.Where(r => !existing.Contains(r.RunId)).DistinctBy(r => r.RunId))
        {
            var deviceId = await DeviceIdAsync(report.Device, receivedAt, cancellationToken).ConfigureAwait(false);
            db.Runs.Add(RunMapper.ToEntity(report, deviceId, ContentHash(report), receivedAt));
            added++;
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return added;
    }

    public async Task<RunReport?> GetAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        var run = await db.Runs.AsNoTracking().AsSplitQuery()
            .Include(r => r.Workloads).ThenInclude(w => w.Samples)
            .Include(r => r.SensorTraces)
            .SingleOrDefaultAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false);
        return run is null ? null : RunMapper.ToReport(run);
    }

    /// <summary>Newest first. The cursor is opaque to clients; today it encodes the offset of the next page.</summary>
    public async Task<Page<RunSummary>> ListAsync(RunQuery query, string? cursor, int limit, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > MaxPageSize)
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"Page size must be between 1 and {MaxPageSize}.");
        var offset = DecodeCursor(cursor);
        var runs = db.Runs.AsNoTracking();
        if (query.Suite is { } suite)
            runs = runs.Where(r => r.SuiteId == suite);
        if (query.Device is { } device)
            runs = runs.Where(r => r.Device!.Name == device);
        if (query.ComparabilityKey is { } comparable)
            runs = runs.Where(r => r.Workloads.Any(w => w.ComparabilityKey == comparable));
        foreach (var (key, value) in query.Labels ?? new Dictionary<string, string>())
            runs = runs.Where(r => r.Labels.Any(l => l.Key == key && l.Value == value));
        var rows = await runs
            .OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id)
            .Skip(offset).Take(limit + 1)
            .Select(r => new { Run = r, r.Device })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = rows.Take(limit).Select(r => RunMapper.ToSummary(r.Run, r.Device!)).ToList();
        return new Page<RunSummary>(items, rows.Count > limit ? EncodeCursor(offset + limit) : null);
    }

    public static int DecodeCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
            return 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                return offset;
        }
        catch (FormatException)
        {
        }
        throw new ArgumentException($"Malformed cursor '{cursor}'.", nameof(cursor));
    }

    private static string EncodeCursor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"o:{offset.ToString(CultureInfo.InvariantCulture)}"));

    private async Task<long> DeviceIdAsync(DeviceFingerprint fingerprint, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var hash = DeviceIdentity.Hash(fingerprint);
        if (devices is not null && devices.TryGet(hash, seenAt.UtcDateTime, out var cached))
            return cached;
        var device = await UpsertDeviceAsync(fingerprint, seenAt, cancellationToken).ConfigureAwait(false);
        devices?.Remember(hash, device.Id, seenAt.UtcDateTime);
        return device.Id;
    }

    /// <summary>The device row for a fingerprint, created on first sight (see <see cref="DeviceRows"/>).</summary>
    public Task<DeviceEntity> UpsertDeviceAsync(DeviceFingerprint fingerprint, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        DeviceRows.UpsertAsync(db, fingerprint, seenAt, cancellationToken);
}
