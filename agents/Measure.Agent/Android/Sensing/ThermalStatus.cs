using System.Globalization;

namespace Measure.Agent.Android.Sensing;

/// <summary>
/// Android's thermal status from <c>dumpsys thermalservice</c> ("Thermal Status: N"): 0 none, 1 light,
/// 2 moderate, 3 severe, 4 critical, 5 emergency, 6 shutdown (PowerManager.THERMAL_STATUS_*).
/// </summary>
public static class ThermalStatus
{
    public const int Severe = 3;

    /// <summary>The status, or null when the service is missing or prints no status (older HALs).</summary>
    public static int? Parse(string dumpsysOutput)
    {
        ArgumentNullException.ThrowIfNull(dumpsysOutput);
        foreach (var raw in dumpsysOutput.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("Thermal Status:", StringComparison.Ordinal)
                && int.TryParse(line["Thermal Status:".Length..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var status)
                && status is >= 0 and <= 6)
                return status;
        }
        return null;
    }
}
