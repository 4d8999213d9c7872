using System.Globalization;
using Measure.Statistics.Comparison;

namespace Measure.Cli.Gate;

/// <summary>How every output (terminal, Markdown, JUnit, JSON) spells numbers and verdicts, so they agree.</summary>
public static class GateFormat
{
    public static string Number(double value) =>
        double.IsFinite(value) ? value.ToString(Math.Abs(value) >= 100 ? "0.0" : "0.000##", CultureInfo.InvariantCulture) : "n/a";

    public static string Change(ComparisonResult result)
    {
        if (!double.IsFinite(result.RelativeChange))
            return "n/a";
        var change = Percent(result.RelativeChange);
        return result.RelativeChangeInterval is { } ci ? $"{change} [{Percent(ci.Lower)}, {Percent(ci.Upper)}]" : change;
    }

    public static string Percent(double value) => value.ToString("+0.0#%;-0.0#%;0%", CultureInfo.InvariantCulture);

    public static string PValue(ComparisonResult result) =>
        result.PValue is { } p ? p.ToString("G3", CultureInfo.InvariantCulture) : "-";

    public static string VerdictName(Verdict verdict) => verdict switch
    {
        Verdict.Regression => "regression",
        Verdict.Improvement => "improvement",
        Verdict.Inconclusive => "inconclusive",
        _ => "no change",
    };

    /// <summary>The verdict with, when inconclusive, how many more samples per side would decide it.</summary>
    public static string VerdictText(ComparisonResult result) =>
        result.Verdict == Verdict.Inconclusive && result.AdditionalSamplesPerSide is { } more
            ? $"inconclusive (+{more} samples/side)"
            : VerdictName(result.Verdict);

    public static string Outcome(int exitCode) => exitCode switch
    {
        ExitCodes.Regression => "FAIL (regression)",
        ExitCodes.Inconclusive => "INCONCLUSIVE (--strict)",
        _ => "PASS",
    };
}
