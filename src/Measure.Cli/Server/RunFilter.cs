namespace Measure.Cli.Server;

/// <summary>
/// The server's run-list filters: suite id, device name and labels (all must match). Empty filters match every run.
/// </summary>
public sealed record RunFilter(string? Suite = null, string? Device = null, IReadOnlyDictionary<string, string>? Labels = null)
{
    public static RunFilter All { get; } = new();

    /// <summary>The query string the server's <c>GET /api/v1/runs</c> understands (without limit and cursor).</summary>
    public IEnumerable<KeyValuePair<string, string>> ToQuery()
    {
        if (!string.IsNullOrEmpty(Suite))
            yield return new("suite", Suite);
        if (!string.IsNullOrEmpty(Device))
            yield return new("device", Device);
        foreach (var (key, value) in (Labels ?? new Dictionary<string, string>()).OrderBy(l => l.Key, StringComparer.Ordinal))
            yield return new("label", $"{key}:{value}");
    }

    public override string ToString()
    {
        var parts = ToQuery().Select(p => $"{p.Key}={p.Value}").ToList();
        return parts.Count == 0 ? "(all runs)" : string.Join(", ", parts);
    }
}
