using System.Globalization;
using Measure.Statistics.Descriptive;
using Measure.Statistics.Detection;
using Measure.Statistics.Inference;
using Measure.Statistics.Special;

namespace Measure.Statistics.Comparison;

/// <summary>
/// The gate's rule for one (workload, metric, device). Regression only when BOTH the two-sided Mann-Whitney
/// p-value is below alpha (the change is real) AND the Hodges-Lehmann relative change is worse than the
/// threshold (the change matters). Ranks make the rule indifferent to skew, outliers and modes; working on
/// log values makes the shift a ratio, which is how latency noise behaves (multiplicative).
/// </summary>
public static class SampleComparison
{
    public const int MinimumSamplesPerSide = 2;

    public static ComparisonResult Compare(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, ComparisonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SampleGuard.RequireSamples(baseline, nameof(baseline), MinimumSamplesPerSide);
        SampleGuard.RequireSamples(candidate, nameof(candidate), MinimumSamplesPerSide);
        options.Validate();

        var flags = ComparisonFlags.None;
        var sortedBaseline = SampleGuard.SortedCopy(baseline);
        var sortedCandidate = SampleGuard.SortedCopy(candidate);
        var baselineMedian = Quantiles.Type7Sorted(sortedBaseline, 0.5);
        var candidateMedian = Quantiles.Type7Sorted(sortedCandidate, 0.5);

        if (options.DetectMultimodality)
        {
            flags |= MultimodalityDetector.DetectSorted(sortedBaseline).IsMultimodal ? ComparisonFlags.MultimodalBaseline : 0;
            flags |= MultimodalityDetector.DetectSorted(sortedCandidate).IsMultimodal ? ComparisonFlags.MultimodalCandidate : 0;
        }

        var threshold = options.PracticalThreshold;
        if (options.Noise is { } noise)
        {
            threshold = noise.WidenThreshold(options.PracticalThreshold);
            flags |= !noise.IsUsable ? ComparisonFlags.InsufficientHistory
                : threshold > options.PracticalThreshold ? ComparisonFlags.ThresholdWidenedByNoise : 0;
        }

        var logScale = sortedBaseline[0] > 0 && sortedCandidate[0] > 0;
        flags |= logScale ? 0 : ComparisonFlags.RawScale;
        var mannWhitney = MannWhitneyTest.Test(sortedBaseline, sortedCandidate);
        var shift = logScale
            ? HodgesLehmann.Estimate(Log(sortedBaseline), Log(sortedCandidate), options.ConfidenceLevel)
            : HodgesLehmann.Estimate(sortedBaseline, sortedCandidate, options.ConfidenceLevel);
        flags |= shift.LevelAchieved ? 0 : ComparisonFlags.IntervalLevelNotAchieved;
        var method = Describe(logScale, mannWhitney.Method, options, threshold);

        if (!logScale && baselineMedian == 0)
        {
            var undefined = new ComparisonEvidence(baselineMedian, candidateMedian, baseline.Count, candidate.Count, double.NaN,
                shift.Shift, null, mannWhitney.PValue, threshold, null, options.LowerIsBetter, method, flags | ComparisonFlags.ZeroBaseline);
            return ComparisonResult.Inconclusive(undefined, null);
        }

        var relative = logScale ? Math.Exp(shift.Shift) - 1 : shift.Shift / Math.Abs(baselineMedian);
        var interval = logScale
            ? shift.Interval.Map(x => Math.Exp(x) - 1)
            : shift.Interval.Map(x => x / Math.Abs(baselineMedian));
        var absolute = logScale ? relative * baselineMedian : shift.Shift;
        var evidence = new ComparisonEvidence(baselineMedian, candidateMedian, baseline.Count, candidate.Count, relative, absolute,
            interval, mannWhitney.PValue, threshold, null, options.LowerIsBetter, method, flags);

        return Decide(evidence, interval, mannWhitney.PValue, threshold, options);
    }

    private static ComparisonResult Decide(ComparisonEvidence evidence, ConfidenceInterval interval, double pValue, double threshold, ComparisonOptions options)
    {
        // Orient everything so that positive means "worse" for this metric.
        var worse = options.LowerIsBetter ? evidence.RelativeChange : -evidence.RelativeChange;
        var worseUpper = options.LowerIsBetter ? interval.Upper : -interval.Lower;
        var significant = pValue < options.Alpha;

        if (significant && worse > threshold)
        {
            return ComparisonResult.Regression(evidence);
        }

        if (significant && worse < -threshold)
        {
            return ComparisonResult.Improvement(evidence);
        }

        // A real but small change is no change in practice; otherwise the interval must rule out a practical regression.
        if (significant || worseUpper <= threshold)
        {
            return ComparisonResult.NoChange(evidence);
        }

        return ComparisonResult.Inconclusive(evidence, AdditionalSamples(evidence, worse, worseUpper, threshold, options));
    }

    /// <summary>
    /// Two ways to decide: shrink the interval until it excludes the threshold (estimate below it), or until the
    /// (1 - alpha) interval excludes zero (estimate beyond it). The cheaper one is reported.
    /// </summary>
    private static int? AdditionalSamples(ComparisonEvidence evidence, double worse, double worseUpper, double threshold, ComparisonOptions options)
    {
        var halfWidth = worseUpper - worse;
        if (!(halfWidth > 0))
        {
            return null;
        }

        int? best = null;
        void Consider(int? candidate)
        {
            if (candidate is { } k && (best is null || k < best))
            {
                best = k;
            }
        }

        var m = evidence.BaselineCount;
        var n = evidence.CandidateCount;
        if (worse < threshold)
        {
            Consider(SampleSizeEstimator.AdditionalPerSide(m, n, (threshold - worse) / halfWidth));
        }

        if (Math.Abs(worse) > threshold)
        {
            var zAlpha = NormalDistribution.Quantile(1 - (options.Alpha / 2));
            var zLevel = NormalDistribution.Quantile(1 - ((1 - options.ConfidenceLevel) / 2));
            Consider(SampleSizeEstimator.AdditionalPerSide(m, n, Math.Abs(worse) / (halfWidth * zAlpha / zLevel)));
        }

        return best is 0 ? 1 : best;
    }

    private static double[] Log(double[] sorted)
    {
        var logs = new double[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            logs[i] = Math.Log(sorted[i]);
        }

        return logs;
    }

    private static string Describe(bool logScale, PValueMethod pMethod, ComparisonOptions options, double threshold)
    {
        var culture = CultureInfo.InvariantCulture;
        var scale = logScale ? "of log values" : "(raw scale)";
        var p = pMethod == PValueMethod.Exact ? "exact" : "normal approx.";
        return string.Create(culture,
            $"Hodges-Lehmann shift {scale} with {options.ConfidenceLevel:0.#%} Moses CI; two-sided Mann-Whitney U ({p}); " +
            $"regression needs p < {options.Alpha:G3} and a worse change > {threshold:0.0#%}");
    }
}
