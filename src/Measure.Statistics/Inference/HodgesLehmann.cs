using Measure.Statistics.Descriptive;
using Measure.Statistics.Special;

namespace Measure.Statistics.Inference;

/// <summary>
/// The Hodges-Lehmann shift: the median of all pairwise differences candidate - baseline, with the
/// distribution-free (Moses) interval that inverts the Mann-Whitney test. Estimate, interval and p-value thus
/// come from one rank-based method and never contradict each other, and one outlier cannot move them.
/// </summary>
public static class HodgesLehmann
{
    public static double Shift(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate)
    {
        SampleGuard.RequireSamples(baseline, nameof(baseline));
        SampleGuard.RequireSamples(candidate, nameof(candidate));
        return ShiftSorted(SampleGuard.SortedCopy(baseline), SampleGuard.SortedCopy(candidate));
    }

    public static ShiftEstimate Estimate(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, double confidenceLevel = 0.95)
    {
        SampleGuard.RequireSamples(baseline, nameof(baseline));
        SampleGuard.RequireSamples(candidate, nameof(candidate));
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "The confidence level must lie strictly between 0 and 1.");
        }

        var sortedBaseline = SampleGuard.SortedCopy(baseline);
        var sortedCandidate = SampleGuard.SortedCopy(candidate);
        var shift = ShiftSorted(sortedBaseline, sortedCandidate);
        var m = sortedBaseline.Length;
        var n = sortedCandidate.Length;
        long total = (long)m * n;
        var critical = LowerCriticalValue(sortedBaseline, sortedCandidate, 1 - confidenceLevel);
        var achieved = critical >= 0;
        var lowerRank = achieved ? critical + 1 : 1;
        var upperRank = achieved ? total - critical : total;
        var interval = new ConfidenceInterval(
            PairwiseDifferences.OrderStatistic(sortedBaseline, sortedCandidate, lowerRank),
            PairwiseDifferences.OrderStatistic(sortedBaseline, sortedCandidate, upperRank),
            confidenceLevel);
        return new ShiftEstimate(shift, interval, achieved);
    }

    internal static double ShiftSorted(double[] sortedBaseline, double[] sortedCandidate)
    {
        long total = (long)sortedBaseline.Length * sortedCandidate.Length;
        if (total % 2 == 1)
        {
            return PairwiseDifferences.OrderStatistic(sortedBaseline, sortedCandidate, (total + 1) / 2);
        }

        var below = PairwiseDifferences.OrderStatistic(sortedBaseline, sortedCandidate, total / 2);
        var above = PairwiseDifferences.OrderStatistic(sortedBaseline, sortedCandidate, (total / 2) + 1);
        return below + ((above - below) / 2);
    }

    /// <summary>
    /// The largest w with P(U &lt;= w) &lt;= alpha / 2 under the null (exact without ties for small samples, else
    /// normal with tie correction); the interval is then [D_(w+1), D_(mn-w)]. Returns -1 when no w qualifies.
    /// </summary>
    private static long LowerCriticalValue(double[] sortedBaseline, double[] sortedCandidate, double alpha)
    {
        var m = sortedBaseline.Length;
        var n = sortedCandidate.Length;
        var tieCorrection = TieCorrection(sortedBaseline, sortedCandidate);
        if (tieCorrection == 0 && m <= MannWhitneyDistribution.MaxExactSize && n <= MannWhitneyDistribution.MaxExactSize)
        {
            var distribution = MannWhitneyDistribution.For(m, n);
            var w = -1;
            while (w + 1 <= distribution.MaxU / 2 && distribution.CumulativeAtMost(w + 1) <= alpha / 2)
            {
                w++;
            }

            return w;
        }

        var sd = Math.Sqrt(MannWhitneyTest.NullVariance(m, n, tieCorrection));
        var z = NormalDistribution.Quantile(1 - (alpha / 2));
        return (long)Math.Floor((m * (double)n / 2.0) - 0.5 - (z * sd));
    }

    private static double TieCorrection(double[] sortedBaseline, double[] sortedCandidate)
    {
        var pooled = new double[sortedBaseline.Length + sortedCandidate.Length];
        sortedBaseline.CopyTo(pooled, 0);
        sortedCandidate.CopyTo(pooled, sortedBaseline.Length);
        Array.Sort(pooled);
        var correction = 0.0;
        var start = 0;
        while (start < pooled.Length)
        {
            var end = start;
            while (end + 1 < pooled.Length && pooled[end + 1] == pooled[start])
            {
                end++;
            }

            double size = end - start + 1;
            correction += (size * size * size) - size;
            start = end + 1;
        }

        return correction;
    }
}
