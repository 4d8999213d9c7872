using System.Globalization;

namespace Measure.Agent.Android.Battery;

/// <summary>The framework's view of the battery from <c>dumpsys battery</c>: level and whether any charger is powering it.</summary>
public sealed record BatteryState(int? LevelPercent, bool OnCharger, int? Status)
{
    public static BatteryState Parse(string dumpsysOutput)
    {
        ArgumentNullException.ThrowIfNull(dumpsysOutput);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in dumpsysOutput.Split('\n'))
        {
            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
                fields.TryAdd(raw[..colon].Trim(), raw[(colon + 1)..].Trim());
        }
        int? Int(string key) => fields.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null;
        var level = Int("level");
        var scale = Int("scale") is > 0 and var s ? s : 100;
        var onCharger = new[] { "AC powered", "USB powered", "Wireless powered", "Dock powered" }
            .Any(k => fields.TryGetValue(k, out var v) && v.Equals("true", StringComparison.OrdinalIgnoreCase));
        return new BatteryState(level is { } l ? (int)Math.Round(100.0 * l / scale) : null, onCharger, Int("status"));
    }
}
