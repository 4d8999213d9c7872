using System.Globalization;
using Measure.Statistics.Descriptive;

namespace Measure.Statistics.Comparison;

/// <summary>
/// Threshold rule for metrics with one value a side (or very few, averaged): there is no spread to test against,
/// so the declared threshold alone decides. Accuracy is gated this way in the same run as speed.
/// </summary>
public static class SingleValueComparison
{
    public static ComparisonResult Compare(double baseline, double candidate, SingleValueOptions options) =>
        Compare([baseline], [candidate], options);

    public static ComparisonResult Compare(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, SingleValueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SampleGuard.RequireSamples(baseline, nameof(baseline));
        SampleGuard.RequireSamples(candidate, nameof(candidate));
        options.Validate();

        var before = baseline.Average();
        var after = candidate.Average();
        var absolute = after - before;
        var flags = before == 0 ? ComparisonFlags.ZeroBaseline : ComparisonFlags.None;
        var relative = before == 0 ? double.NaN : absolute / Math.Abs(before);
        var evidence = new ComparisonEvidence(before, after, baseline.Count, candidate.Count, relative, absolute, null, null,
            options.RelativeThreshold, options.AbsoluteThreshold, options.LowerIsBetter, Describe(options, baseline.Count, candidate.Count), flags);

        if (before == 0 && options.AbsoluteThreshold is null)
        {
            return ComparisonResult.Inconclusive(evidence, null);
        }

        var worseAbsolute = options.LowerIsBetter ? absolute : -absolute;
        var worseRelative = options.LowerIsBetter ? relative : -relative;
        if (Exceeds(worseAbsolute, worseRelative, options))
        {
            return ComparisonResult.Regression(evidence);
        }

        return Exceeds(-worseAbsolute, -worseRelative, options)
            ? ComparisonResult.Improvement(evidence)
            : ComparisonResult.NoChange(evidence);
    }

    private static bool Exceeds(double absoluteChange, double relativeChange, SingleValueOptions options) =>
        (options.AbsoluteThreshold is not { } absolute || absoluteChange > absolute)
        && (options.RelativeThreshold is not { } relative || double.IsNaN(relativeChange) || relativeChange > relative);

    private static string Describe(SingleValueOptions options, int baselineCount, int candidateCount)
    {
        var limits = new List<string>();
        if (options.AbsoluteThreshold is { } absolute)
        {
            limits.Add(string.Create(CultureInfo.InvariantCulture, $"{absolute:G4} absolute"));
        }

        if (options.RelativeThreshold is { } relative)
        {
            limits.Add(string.Create(CultureInfo.InvariantCulture, $"{relative:0.0#%} relative"));
        }

        var averaged = baselineCount > 1 || candidateCount > 1 ? " (means of each side)" : string.Empty;
        return $"single-value threshold rule{averaged}: regression when worse by more than {string.Join(" and ", limits)}";
    }
}
