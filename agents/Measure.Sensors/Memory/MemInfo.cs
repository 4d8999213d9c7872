using System.Globalization;

namespace Measure.Sensors.Memory;

/// <summary>The two /proc/meminfo lines the agent needs, in bytes.</summary>
public sealed record MemInfo(long? TotalBytes, long? AvailableBytes)
{
    /// <summary>Parses /proc/meminfo ("MemTotal:  8039448 kB"); null when the text is null or has neither line.</summary>
    public static MemInfo? TryParse(string? text)
    {
        if (text is null)
            return null;
        var fields = KilobyteFields.Parse(text);
        var total = fields.GetValueOrDefault("MemTotal");
        var available = fields.GetValueOrDefault("MemAvailable");
        return total is null && available is null ? null : new MemInfo(total, available);
    }
}

/// <summary>"Key:   123 kB" lines as used by /proc/meminfo and /proc/self/status, converted to bytes.</summary>
internal static class KilobyteFields
{
    public static Dictionary<string, long?> Parse(string text)
    {
        var fields = new Dictionary<string, long?>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                continue;
            var parts = line[(colon + 1)..].Split(' ', '\t').Where(p => p.Length > 0).ToArray();
            if (parts.Length is < 1 or > 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                continue;
            // A unit other than kB means the line is not a size (e.g. "Threads: 4"): keep it as a plain count.
            var isKilobytes = parts.Length == 2 && parts[1].Equals("kB", StringComparison.OrdinalIgnoreCase);
            fields[line[..colon].Trim()] = isKilobytes ? checked(number * 1024) : number;
        }
        return fields;
    }
}
