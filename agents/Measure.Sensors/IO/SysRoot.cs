using System.Globalization;

namespace Measure.Sensors.IO;

/// <summary>
/// The root folder that absolute Linux paths such as <c>/sys/class/thermal</c> are read under.
/// Production reads "/", tests pass a recorded tree; every reader goes through this one type so
/// that nothing touches the real filesystem by accident.
/// </summary>
public sealed class SysRoot
{
    public SysRoot(string rootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        RootPath = Path.GetFullPath(rootPath);
    }

    /// <summary>The machine this process runs on.</summary>
    public static SysRoot Host { get; } = new("/");

    public string RootPath { get; }

    /// <summary>Maps an absolute Linux path (e.g. "/proc/meminfo") into this root.</summary>
    public string Resolve(string absolutePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(absolutePath);
        if (!absolutePath.StartsWith('/'))
            throw new ArgumentException($"Expected an absolute path starting with '/', got '{absolutePath}'.", nameof(absolutePath));
        return Path.Join(RootPath, absolutePath.TrimStart('/'));
    }

    public bool FileExists(string absolutePath) => File.Exists(Resolve(absolutePath));

    public bool DirectoryExists(string absolutePath) => Directory.Exists(Resolve(absolutePath));

    /// <summary>
    /// Reads a whole file, or null when it is missing or unreadable: sysfs attributes vanish
    /// with hot-plug and some are root-only, which is "unavailable", not an error.
    /// </summary>
    public string? TryReadText(string absolutePath)
    {
        try
        {
            return File.ReadAllText(Resolve(absolutePath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Reads a one-line attribute, trimmed of whitespace and device-tree NUL terminators.</summary>
    public string? TryReadLine(string absolutePath)
    {
        var text = TryReadText(absolutePath);
        if (text is null)
            return null;
        var trimmed = text.Trim().Trim('\0').Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>Reads an integer attribute; null when missing, empty or not an integer.</summary>
    public long? TryReadInt64(string absolutePath)
    {
        var line = TryReadLine(absolutePath);
        return long.TryParse(line, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>
    /// Absolute (in-root) paths of the entries of a directory matching a pattern, sorted in
    /// natural order so that "thermal_zone10" comes after "thermal_zone9". Empty when the
    /// directory does not exist. Entries may be directories or symlinks to them (as in sysfs).
    /// </summary>
    public IReadOnlyList<string> ListEntries(string absoluteDirectory, string searchPattern)
    {
        var directory = Resolve(absoluteDirectory);
        if (!Directory.Exists(directory))
            return [];
        try
        {
            return Directory.EnumerateFileSystemEntries(directory, searchPattern)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(NaturalNameComparer.Instance)
                .Select(name => absoluteDirectory.TrimEnd('/') + "/" + name)
                .ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public override string ToString() => RootPath;
}
