using System.Globalization;
using Measure.Agent.Android.Adb;
using Measure.Agent.Android.Battery;

namespace Measure.Agent.Android.Preconditions;

/// <summary>Reads the phone's state over adb and says which required preconditions are not met (empty: all met).</summary>
public static class PreconditionCheck
{
    public static IReadOnlyList<string> Failures(AdbClient adb, string serial, RunPreconditions required)
    {
        ArgumentNullException.ThrowIfNull(adb);
        ArgumentNullException.ThrowIfNull(required);
        var failures = new List<string>();
        if (required.ScreenOff && !IsScreenOff(adb.ShellText(serial, "dumpsys power")))
            failures.Add("the screen is on (required off)");
        if (required.AirplaneMode && Setting(adb, serial, "global", "airplane_mode_on") != "1")
            failures.Add("airplane mode is off (required on)");
        if (required.FixedBrightness)
        {
            if (Setting(adb, serial, "system", "screen_brightness_mode") != "0")
                failures.Add("brightness is automatic (required fixed)");
            else if (required.Brightness is { } level && Setting(adb, serial, "system", "screen_brightness") is var actual && actual != level.ToString(CultureInfo.InvariantCulture))
                failures.Add($"brightness is {actual} (required {level})");
        }
        if (required.MinBatteryPercent is { } minimum)
        {
            var battery = BatteryState.Parse(adb.ShellText(serial, "dumpsys battery"));
            if (battery.LevelPercent is not { } level)
                failures.Add("the battery level is unreadable (dumpsys battery has no level)");
            else if (level < minimum)
                failures.Add($"battery at {level} % (required at least {minimum} %)");
        }
        return failures;
    }

    /// <summary>Screen state from <c>dumpsys power</c>: "Display Power: state=OFF", else wakefulness Asleep or Dozing.</summary>
    public static bool IsScreenOff(string dumpsysPower)
    {
        ArgumentNullException.ThrowIfNull(dumpsysPower);
        foreach (var raw in dumpsysPower.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("Display Power: state=", StringComparison.Ordinal))
                return line.EndsWith("=OFF", StringComparison.Ordinal);
        }
        return dumpsysPower.Contains("mWakefulness=Asleep", StringComparison.Ordinal) || dumpsysPower.Contains("mWakefulness=Dozing", StringComparison.Ordinal);
    }

    private static string Setting(AdbClient adb, string serial, string ns, string key) => adb.ShellText(serial, $"settings get {ns} {key}").Trim();
}
