using Measure.Contracts;
using Measure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Measure.Storage.Ingest;

/// <summary>The device row for a fingerprint, created on first sight, on whatever transaction the context has open.</summary>
internal static class DeviceRows
{
    /// <summary>
    /// INSERT .. ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike) makes concurrent first uploads from one
    /// device safe without retries, and last-seen is only moved once a minute so a busy device's row is not a
    /// write hot spot.
    /// </summary>
    public static async Task<DeviceEntity> UpsertAsync(MeasureDbContext db, DeviceFingerprint fingerprint, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var hash = DeviceIdentity.Hash(fingerprint);
        var now = seenAt.UtcDateTime;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO devices ("FingerprintHash", "Name", "CpuModel", "BoardModel", "Os", "Architecture", "LogicalCores", "MemoryBytes", "FirstSeenUtc", "LastSeenUtc")
            VALUES ({hash}, {DeviceIdentity.DisplayName(fingerprint)}, {fingerprint.CpuModel}, {fingerprint.BoardModel}, {fingerprint.Os}, {fingerprint.Architecture}, {fingerprint.LogicalCores}, {fingerprint.MemoryBytes}, {now}, {now})
            ON CONFLICT ("FingerprintHash") DO NOTHING
            """, cancellationToken).ConfigureAwait(false);
        var staleBefore = now.AddMinutes(-1);
        await db.Devices.Where(d => d.FingerprintHash == hash && d.LastSeenUtc < staleBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastSeenUtc, now).SetProperty(d => d.Os, fingerprint.Os), cancellationToken).ConfigureAwait(false);
        return await db.Devices.AsNoTracking().SingleAsync(d => d.FingerprintHash == hash, cancellationToken).ConfigureAwait(false);
    }
}
