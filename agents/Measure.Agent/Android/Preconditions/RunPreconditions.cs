using System.Globalization;
using Measure.Agent.Suites;

namespace Measure.Agent.Android.Preconditions;

/// <summary>
/// The phone state a measurement requires before it starts (as MLPerf Mobile and MELT prescribe by hand):
/// screen off, airplane mode on, brightness fixed (manual mode, optionally at a given level) and a minimum battery.
/// </summary>
public sealed record RunPreconditions(bool ScreenOff = false, bool AirplaneMode = false, bool FixedBrightness = false, int? Brightness = null, int? MinBatteryPercent = null)
{
    public const string LabelPrefix = "precondition.";

    public static RunPreconditions None { get; } = new();

    /// <summary>True when anything is required.</summary>
    public bool RequiresAny => ScreenOff || AirplaneMode || FixedBrightness || Brightness is not null || MinBatteryPercent is not null;

    /// <summary>
    /// The suite's <c>preconditions:</c> block over the host's defaults: every key the suite names replaces the host's
    /// value (so a suite may also relax one with <c>false</c>); keys it does not name keep the host's.
    /// </summary>
    public RunPreconditions WithSuite(SuitePreconditions? suite) => suite is null ? this : new RunPreconditions(
        suite.ScreenOff ?? ScreenOff,
        suite.AirplaneMode ?? AirplaneMode,
        suite.FixedBrightness ?? FixedBrightness,
        suite.Brightness ?? (suite.FixedBrightness == false ? null : Brightness),
        suite.MinBatteryPercent ?? MinBatteryPercent);

    /// <summary>The requirements in the suite file's words, e.g. <c>screen_off, brightness=40</c> ("none" when nothing).</summary>
    public string Describe() => new SuitePreconditions(ScreenOff, AirplaneMode, FixedBrightness, Brightness, MinBatteryPercent).Describe();

    /// <summary>
    /// Job labels override the host's defaults and the suite's block for one job: <c>precondition.screen_off</c>,
    /// <c>precondition.airplane_mode</c>, <c>precondition.fixed_brightness</c> (true/false), <c>precondition.brightness</c>
    /// (0-255), <c>precondition.min_battery</c> or <c>precondition.min_battery_percent</c> (percent).
    /// </summary>
    /// <exception cref="ArgumentException">A precondition label with an unknown name or an invalid value.</exception>
    public RunPreconditions WithLabels(IReadOnlyDictionary<string, string>? labels)
    {
        var result = this;
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            if (!key.StartsWith(LabelPrefix, StringComparison.Ordinal))
                continue;
            result = key[LabelPrefix.Length..] switch
            {
                "screen_off" => result with { ScreenOff = Bool(key, value) },
                "airplane_mode" => result with { AirplaneMode = Bool(key, value) },
                "fixed_brightness" => WithFixedBrightness(result, Bool(key, value)),
                "brightness" => result with { FixedBrightness = true, Brightness = Int(key, value, 0, 255) },
                "min_battery" or "min_battery_percent" => result with { MinBatteryPercent = Int(key, value, 0, 100) },
                _ => throw new ArgumentException($"label {key}: unknown precondition (expected screen_off, airplane_mode, fixed_brightness, brightness or min_battery_percent)", nameof(labels)),
            };
        }
        return result;
    }

    // Automatic brightness has no level to hold, so turning the requirement off drops the level too.
    private static RunPreconditions WithFixedBrightness(RunPreconditions preconditions, bool isFixed) =>
        preconditions with { FixedBrightness = isFixed, Brightness = isFixed ? preconditions.Brightness : null };

    private static bool Bool(string key, string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new ArgumentException($"label {key}: '{value}' is not true or false", nameof(value)),
    };

    private static int Int(string key, string value, int min, int max) =>
        int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"label {key}: '{value}' is not an integer in [{min}, {max}]", nameof(value));
}
