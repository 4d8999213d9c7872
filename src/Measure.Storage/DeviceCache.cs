using System.Collections.Concurrent;

namespace Measure.Storage;

/// <summary>
/// Device ids by fingerprint hash, per process. The mapping never changes once a device row exists, so
/// every server instance may cache it; it saves the upsert round trips on each upload from a known device.
/// </summary>
public sealed class DeviceCache
{
    private readonly ConcurrentDictionary<string, (long Id, DateTime LastSeenUtc)> devices = new(StringComparer.Ordinal);

    public bool TryGet(string hash, DateTime nowUtc, out long id)
    {
        // Re-touch the row once a minute so last-seen stays roughly current.
        if (devices.TryGetValue(hash, out var entry) && nowUtc - entry.LastSeenUtc < TimeSpan.FromMinutes(1))
        {
            id = entry.Id;
            return true;
        }
        id = 0;
        return false;
    }

    public void Remember(string hash, long id, DateTime seenUtc) => devices[hash] = (id, seenUtc);
}
