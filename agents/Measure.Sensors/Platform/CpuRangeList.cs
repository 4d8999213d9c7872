using System.Globalization;

namespace Measure.Sensors.Platform;

/// <summary>Parses the kernel's CPU list format ("0-3,6,8-9") used by /sys/devices/system/cpu/{possible,online}.</summary>
public static class CpuRangeList
{
    public static IReadOnlyList<int> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cpus = new SortedSet<int>();
        foreach (var part in text.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var first = ParseCpu(dash < 0 ? part : part[..dash], text);
            var last = dash < 0 ? first : ParseCpu(part[(dash + 1)..], text);
            if (last < first)
                throw new FormatException($"CPU range '{part}' in '{text}' runs backwards.");
            for (var cpu = first; cpu <= last; cpu++)
                cpus.Add(cpu);
        }
        return cpus.ToArray();
    }

    private static int ParseCpu(string value, string whole) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var cpu)
            ? cpu
            : throw new FormatException($"'{value}' in CPU list '{whole}' is not a CPU number.");
}
