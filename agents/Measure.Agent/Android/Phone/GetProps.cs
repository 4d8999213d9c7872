namespace Measure.Agent.Android.Phone;

/// <summary>The phone's system properties as printed by <c>getprop</c>: one <c>[key]: [value]</c> per line.</summary>
public sealed class GetProps
{
    private readonly Dictionary<string, string> _values;

    private GetProps(Dictionary<string, string> values) => _values = values;

    public static GetProps Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var separator = line.IndexOf("]: [", StringComparison.Ordinal);
            if (!line.StartsWith('[') || !line.EndsWith(']') || separator < 0)
                continue; // multi-line values and blank lines carry nothing the fingerprint needs
            values[line[1..separator]] = line[(separator + 4)..^1];
        }
        return new GetProps(values);
    }

    /// <summary>The first of the keys that is set and not empty.</summary>
    public string? First(params string[] keys) =>
        keys.Select(k => _values.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null).FirstOrDefault(v => v is not null);
}
