using System.Globalization;

namespace Measure.Agent.Suites;

/// <summary>
/// The suite's <c>preconditions:</c> block: the phone state its runs require (as MLPerf Mobile and MELT set it by
/// hand). A null field means the suite does not say, so the lab host's default stands. Phone runners check these
/// before starting (job labels <c>precondition.*</c> override them for one job); agents that measure the machine
/// they run on cannot set a phone's screen, radios or battery, and record <see cref="NotAppliedNote"/> instead.
/// </summary>
/// <param name="ScreenOff">The screen is off.</param>
/// <param name="AirplaneMode">Airplane mode is on.</param>
/// <param name="FixedBrightness">Brightness is manual (implied by <paramref name="Brightness"/>).</param>
/// <param name="Brightness">Manual brightness at exactly this level, 0-255.</param>
/// <param name="MinBatteryPercent">The battery is at least this full, 0-100.</param>
public sealed record SuitePreconditions(
    bool? ScreenOff = null,
    bool? AirplaneMode = null,
    bool? FixedBrightness = null,
    int? Brightness = null,
    int? MinBatteryPercent = null)
{
    /// <summary>The report label that says how a run treated the suite's (or job's) preconditions.</summary>
    public const string LabelKey = "preconditions";

    /// <summary>The block's keys, as the suite file spells them.</summary>
    public static readonly string[] Keys = ["screen_off", "airplane_mode", "fixed_brightness", "brightness", "min_battery_percent"];

    /// <summary>True when the block requires something (a block of only <c>false</c> values requires nothing).</summary>
    public bool RequiresAny => ScreenOff == true || AirplaneMode == true || FixedBrightness == true || Brightness is not null || MinBatteryPercent is not null;

    /// <summary>The requirements in the suite's own words, e.g. <c>screen_off, brightness=40, min_battery_percent=50</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (ScreenOff == true)
            parts.Add("screen_off");
        if (AirplaneMode == true)
            parts.Add("airplane_mode");
        if (Brightness is { } level)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"brightness={level}"));
        else if (FixedBrightness == true)
            parts.Add("fixed_brightness");
        if (MinBatteryPercent is { } battery)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"min_battery_percent={battery}"));
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    /// <summary>
    /// The label an agent that is not driving a phone adds to its report, so a reader sees the suite asked for phone
    /// state that this run did not have; null when the suite requires nothing.
    /// </summary>
    public static KeyValuePair<string, string>? NotAppliedNote(SuiteDefinition suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return suite.Preconditions is { RequiresAny: true } block
            ? new(LabelKey, $"not applied ({block.Describe()}): only a phone host (serve --adb) sets and checks phone state")
            : null;
    }
}
