using Measure.Agent.Android.Adb;
using Measure.Sensors.IO;

namespace Measure.Agent.Android.Phone;

/// <summary>
/// A local copy of the phone files the sensor parsers read (/sys, /proc), refreshed over adb, so the same
/// <see cref="SysRoot"/> readers that serve Linux boards serve phones. One refresh is one <c>adb shell</c>
/// round trip: <c>grep -sH '' PATHS</c> prints every line of every readable file prefixed with its path, and the
/// phone's shell expands the globs.
/// </summary>
public sealed class PhoneMirror : IDisposable
{
    private readonly AdbClient _adb;

    public PhoneMirror(AdbClient adb, string serial)
    {
        ArgumentNullException.ThrowIfNull(adb);
        ArgumentException.ThrowIfNullOrWhiteSpace(serial);
        _adb = adb;
        Serial = serial;
        Directory = System.IO.Directory.CreateTempSubdirectory($"measure-phone-{serial}-").FullName;
        Root = new SysRoot(Directory);
    }

    public string Serial { get; }

    public string Directory { get; }

    public SysRoot Root { get; }

    /// <summary>
    /// Copies the files matching <paramref name="patterns"/> (absolute, phone-side globs without spaces) into the
    /// mirror. Files named in <paramref name="patterns"/> exactly that the phone no longer returns are removed, so a
    /// sensor that went unreadable reads as missing rather than as its last value.
    /// </summary>
    /// <exception cref="PhoneDisconnectedException">The phone is gone; every exactly-named file is removed first.</exception>
    public void Refresh(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        foreach (var pattern in patterns)
        {
            if (!pattern.StartsWith('/') || pattern.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or ';' or '&' or '|' or '`' or '$'))
                throw new ArgumentException($"'{pattern}' is not an absolute path pattern without spaces or shell syntax", nameof(patterns));
        }
        string output;
        try
        {
            // grep exits 1 when nothing matched and 2 when a file was unreadable: both are answers, not failures.
            output = _adb.Shell(Serial, "grep -sH '' " + string.Join(' ', patterns)).StandardOutput;
        }
        catch (PhoneDisconnectedException)
        {
            RemoveExact(patterns, keep: new HashSet<string>(StringComparer.Ordinal));
            throw;
        }
        var files = Parse(output);
        foreach (var (path, lines) in files)
        {
            var local = Root.Resolve(path);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(local)!);
            File.WriteAllText(local, string.Join('\n', lines) + "\n");
        }
        RemoveExact(patterns, keep: files.Keys.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Groups <c>path:line</c> output by path, in order. Lines without a path prefix are ignored.</summary>
    public static IReadOnlyDictionary<string, List<string>> Parse(string grepOutput)
    {
        ArgumentNullException.ThrowIfNull(grepOutput);
        var files = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var raw in grepOutput.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (!line.StartsWith('/') || colon < 2 || line.AsSpan(0, colon).Contains("..", StringComparison.Ordinal))
                continue;
            var path = line[..colon];
            if (!files.TryGetValue(path, out var lines))
                files[path] = lines = [];
            lines.Add(line[(colon + 1)..]);
        }
        return files;
    }

    private void RemoveExact(IReadOnlyList<string> patterns, HashSet<string> keep)
    {
        foreach (var exact in patterns.Where(p => p.IndexOfAny(['*', '?', '[']) < 0 && !keep.Contains(p)))
            File.Delete(Root.Resolve(exact));
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
