using Measure.Cli.Server;

namespace Measure.Cli.Gate;

/// <summary>
/// What a <c>--baseline</c> or <c>--candidate</c> REF names. Forms:
/// a report file (or a folder of report files); a run id (GUID, needs --server);
/// <c>latest:KEY=VALUE,...</c> the newest matching run; <c>latest-per-device:KEY=VALUE,...</c> the newest matching run
/// of every device (both need --server). Keys <c>suite</c> and <c>device</c> filter on those; any other key is a label
/// (<c>branch=main</c>).
/// </summary>
public sealed class RunReference
{
    public const string LatestPrefix = "latest:";
    public const string LatestPerDevicePrefix = "latest-per-device:";

    private RunReference(RunReferenceKind kind, string text, string? path, Guid? runId, RunFilter? filter)
    {
        Kind = kind;
        Text = text;
        Path = path;
        RunId = runId;
        Filter = filter;
    }

    public RunReferenceKind Kind { get; }

    /// <summary>The REF as the user wrote it, for messages.</summary>
    public string Text { get; }

    public string? Path { get; }

    public Guid? RunId { get; }

    public RunFilter? Filter { get; }

    public bool NeedsServer => Kind is not RunReferenceKind.File;

    public static RunReference File(string path) => new(RunReferenceKind.File, path, path, null, null);

    public static RunReference Run(Guid runId) => new(RunReferenceKind.RunId, runId.ToString(), null, runId, null);

    public static RunReference Latest(RunFilter filter, bool perDevice, string text) =>
        new(perDevice ? RunReferenceKind.LatestPerDevice : RunReferenceKind.Latest, text, null, null, filter);

    /// <exception cref="ArgumentException">The query form is malformed; the message names the part.</exception>
    public static RunReference Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (text.StartsWith(LatestPerDevicePrefix, StringComparison.Ordinal))
            return Latest(ParseFilter(text[LatestPerDevicePrefix.Length..], text), perDevice: true, text);
        if (text.StartsWith(LatestPrefix, StringComparison.Ordinal))
            return Latest(ParseFilter(text[LatestPrefix.Length..], text), perDevice: false, text);
        // A file named like a GUID is still a file: existing paths win.
        if (!System.IO.File.Exists(text) && !Directory.Exists(text) && Guid.TryParseExact(text, "D", out var id))
            return Run(id);
        return File(text);
    }

    private static RunFilter ParseFilter(string query, string text)
    {
        string? suite = null, device = null;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in query.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == part.Length - 1)
                throw new ArgumentException($"'{text}': '{part}' is not KEY=VALUE (e.g. latest:branch=main,suite=quick,device=rpi5)", nameof(text));
            var (key, value) = (part[..equals].Trim(), part[(equals + 1)..].Trim());
            switch (key)
            {
                case "suite":
                    suite = value;
                    break;
                case "device":
                    device = value;
                    break;
                default:
                    if (!labels.TryAdd(key, value))
                        throw new ArgumentException($"'{text}': label '{key}' is given twice", nameof(text));
                    break;
            }
        }
        return new RunFilter(suite, device, labels.Count == 0 ? null : labels);
    }

    public override string ToString() => Text;
}
