using Measure.Agent.Android.Adb;

namespace Measure.Agent.Android.Battery;

/// <summary>
/// Tells the phone's framework it is unplugged (<c>dumpsys battery unplug</c>) for a measurement and restores it
/// (<c>dumpsys battery reset</c>) afterwards. A marker file per serial is written before unplugging and removed
/// after the reset, so a host that crashed in between resets those phones when it starts again.
/// Whether the charger really stopped is not assumed: the fuel gauge's own status decides if energy is valid.
/// </summary>
public sealed class ChargingControl(AdbClient adb, string markerDirectory)
{
    private const string MarkerSuffix = ".battery-unplugged";

    public string MarkerPath(string serial) => Path.Join(markerDirectory, serial + MarkerSuffix);

    /// <summary>Unplugs the phone's framework from its charger; returns false (and leaves no marker) when the phone refused.</summary>
    public bool Suspend(string serial)
    {
        Directory.CreateDirectory(markerDirectory);
        File.WriteAllText(MarkerPath(serial), DateTimeOffset.UtcNow.ToString("O"));
        var result = adb.Shell(serial, "dumpsys battery unplug");
        if (result.Succeeded)
            return true;
        Restore(serial);
        return false;
    }

    /// <summary>Resets the battery service and removes the marker; the marker stays when the phone cannot be reached.</summary>
    public void Restore(string serial)
    {
        adb.ShellText(serial, "dumpsys battery reset");
        File.Delete(MarkerPath(serial));
    }

    /// <summary>
    /// At host start-up: resets every attached phone left unplugged by a previous host process. Phones with a marker
    /// that are not attached keep it until they are seen again. Returns the serials restored.
    /// </summary>
    public IReadOnlyList<string> RecoverAfterCrash(IReadOnlyCollection<string> attachedSerials, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(attachedSerials);
        if (!Directory.Exists(markerDirectory))
            return [];
        var restored = new List<string>();
        foreach (var marker in Directory.EnumerateFiles(markerDirectory, "*" + MarkerSuffix).Order(StringComparer.Ordinal))
        {
            var serial = Path.GetFileName(marker)[..^MarkerSuffix.Length];
            if (!attachedSerials.Contains(serial))
                continue;
            try
            {
                Restore(serial);
                restored.Add(serial);
                log($"phone {serial}: battery service reset (left unplugged by an earlier run)");
            }
            catch (AdbException ex)
            {
                log($"phone {serial}: could not reset the battery service yet ({ex.Message})");
            }
        }
        return restored;
    }
}
