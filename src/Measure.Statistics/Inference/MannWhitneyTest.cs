using Measure.Statistics.Descriptive;
using Measure.Statistics.Special;

namespace Measure.Statistics.Inference;

/// <summary>
/// The Mann-Whitney U (Wilcoxon rank-sum) test. Chosen for the gate because it assumes nothing about the
/// shape of latency noise (skewed, heavy-tailed, with outliers) and keeps its false-positive rate exact.
/// </summary>
public static class MannWhitneyTest
{
    public static MannWhitneyResult Test(
        IReadOnlyList<double> baseline,
        IReadOnlyList<double> candidate,
        TestAlternative alternative = TestAlternative.TwoSided)
    {
        SampleGuard.RequireSamples(baseline, nameof(baseline));
        SampleGuard.RequireSamples(candidate, nameof(candidate));
        var m = baseline.Count;
        var n = candidate.Count;
        var ranks = RankCandidate(baseline, candidate, out var tieCorrection);
        var u = ranks - (n * (n + 1) / 2.0);
        var hasTies = tieCorrection > 0;

        if (!hasTies && m <= MannWhitneyDistribution.MaxExactSize && n <= MannWhitneyDistribution.MaxExactSize)
        {
            var distribution = MannWhitneyDistribution.For(m, n);
            var observed = (int)Math.Round(u);
            var p = alternative switch
            {
                TestAlternative.Greater => distribution.CumulativeAtLeast(observed),
                TestAlternative.Less => distribution.CumulativeAtMost(observed),
                _ => Math.Min(1, 2 * Math.Min(distribution.CumulativeAtLeast(observed), distribution.CumulativeAtMost(observed))),
            };
            return new MannWhitneyResult(u, p, alternative, PValueMethod.Exact, m, n, hasTies);
        }

        var normal = NormalPValue(u, m, n, tieCorrection, alternative);
        return new MannWhitneyResult(u, normal, alternative, PValueMethod.NormalApproximation, m, n, hasTies);
    }

    /// <summary>Variance of U under the null, reduced for ties: m n / 12 * ((N + 1) - sum(t^3 - t) / (N (N - 1))).</summary>
    internal static double NullVariance(int m, int n, double tieCorrection)
    {
        var total = (double)(m + n);
        var tieTerm = total > 1 ? tieCorrection / (total * (total - 1)) : 0;
        return m * (double)n / 12.0 * (total + 1 - tieTerm);
    }

    private static double NormalPValue(double u, int m, int n, double tieCorrection, TestAlternative alternative)
    {
        var variance = NullVariance(m, n, tieCorrection);
        if (variance <= 0)
        {
            return 1; // every value tied: no evidence of any difference
        }

        var sd = Math.Sqrt(variance);
        var deviation = u - (m * (double)n / 2.0);
        return alternative switch
        {
            TestAlternative.Greater => NormalDistribution.UpperTail((deviation - 0.5) / sd),
            TestAlternative.Less => NormalDistribution.Cdf((deviation + 0.5) / sd),
            _ => Math.Min(1, 2 * NormalDistribution.UpperTail((Math.Abs(deviation) - 0.5) / sd)),
        };
    }

    /// <summary>Sum of the candidate's mid-ranks in the pooled sample; also returns sum(t^3 - t) over tie groups.</summary>
    private static double RankCandidate(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, out double tieCorrection)
    {
        var pooled = new (double Value, bool IsCandidate)[baseline.Count + candidate.Count];
        for (var i = 0; i < baseline.Count; i++)
        {
            pooled[i] = (baseline[i], false);
        }

        for (var j = 0; j < candidate.Count; j++)
        {
            pooled[baseline.Count + j] = (candidate[j], true);
        }

        Array.Sort(pooled, static (x, y) => x.Value.CompareTo(y.Value));
        var rankSum = 0.0;
        tieCorrection = 0;
        var start = 0;
        while (start < pooled.Length)
        {
            var end = start;
            while (end + 1 < pooled.Length && pooled[end + 1].Value == pooled[start].Value)
            {
                end++;
            }

            var tieSize = end - start + 1;
            var midRank = ((start + 1) + (end + 1)) / 2.0;
            for (var k = start; k <= end; k++)
            {
                if (pooled[k].IsCandidate)
                {
                    rankSum += midRank;
                }
            }

            if (tieSize > 1)
            {
                tieCorrection += ((double)tieSize * tieSize * tieSize) - tieSize;
            }

            start = end + 1;
        }

        return rankSum;
    }
}
