using System.Globalization;
using Measure.Statistics.Inference;

namespace Measure.Statistics.Comparison;

/// <summary>A verdict with its evidence. Built only through the named factories, so every verdict carries its reasons.</summary>
public sealed class ComparisonResult
{
    private ComparisonResult(Verdict verdict, ComparisonEvidence evidence, int? additionalSamplesPerSide)
    {
        Verdict = verdict;
        Evidence = evidence;
        AdditionalSamplesPerSide = additionalSamplesPerSide;
    }

    public Verdict Verdict { get; }

    public ComparisonEvidence Evidence { get; }

    /// <summary>When inconclusive: about how many more samples on each side would decide (null if no estimate).</summary>
    public int? AdditionalSamplesPerSide { get; }

    public double RelativeChange => Evidence.RelativeChange;

    public ConfidenceInterval? RelativeChangeInterval => Evidence.RelativeChangeInterval;

    public double? PValue => Evidence.PValue;

    public double? Threshold => Evidence.RelativeThreshold;

    public string Method => Evidence.Method;

    public ComparisonFlags Flags => Evidence.Flags;

    public static ComparisonResult Regression(ComparisonEvidence evidence) => new(Verdict.Regression, evidence, null);

    public static ComparisonResult Improvement(ComparisonEvidence evidence) => new(Verdict.Improvement, evidence, null);

    public static ComparisonResult NoChange(ComparisonEvidence evidence) => new(Verdict.NoChange, evidence, null);

    public static ComparisonResult Inconclusive(ComparisonEvidence evidence, int? additionalSamplesPerSide) =>
        new(Verdict.Inconclusive, evidence, additionalSamplesPerSide);

    /// <summary>One line a release engineer can read: verdict, change, interval, p-value, threshold, flags.</summary>
    public string Explain()
    {
        var culture = CultureInfo.InvariantCulture;
        var parts = new List<string>
        {
            string.Create(culture, $"{Verdict}: {RelativeChange:+0.0#%;-0.0#%;0%}"),
        };
        if (RelativeChangeInterval is { } interval)
        {
            parts.Add(string.Create(culture, $"{interval.Level:0.#%} CI [{interval.Lower:+0.0#%;-0.0#%;0%}, {interval.Upper:+0.0#%;-0.0#%;0%}]"));
        }

        if (PValue is { } p)
        {
            parts.Add(string.Create(culture, $"p = {p:G3}"));
        }

        if (Evidence.RelativeThreshold is { } relative)
        {
            parts.Add(string.Create(culture, $"threshold {relative:0.0#%}"));
        }

        if (Evidence.AbsoluteThreshold is { } absolute)
        {
            parts.Add(string.Create(culture, $"absolute threshold {absolute:G4}"));
        }

        parts.Add(Evidence.LowerIsBetter ? "lower is better" : "higher is better");
        if (AdditionalSamplesPerSide is { } more)
        {
            parts.Add(string.Create(culture, $"about {more} more samples per side would decide"));
        }

        if (Flags != ComparisonFlags.None)
        {
            parts.Add($"flags: {Flags}");
        }

        return string.Join("; ", parts) + $" ({Method})";
    }

    public override string ToString() => Explain();
}
