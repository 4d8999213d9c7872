using System.Globalization;
using Measure.Sensors.IO;

namespace Measure.Sensors.Platform;

/// <summary>The one-minute load average from /proc/loadavg: how many tasks were running or waiting for a CPU.</summary>
public static class LoadAverage
{
    /// <summary>Null where /proc/loadavg is missing or unreadable.</summary>
    public static double? OneMinute(SysRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = root.TryReadText("/proc/loadavg");
        var first = text?.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) && load >= 0 ? load : null;
    }
}
