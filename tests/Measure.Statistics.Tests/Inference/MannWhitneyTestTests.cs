using Measure.Statistics.Inference;
using Measure.Statistics.Special;

namespace Measure.Statistics.Tests.Inference;

public class MannWhitneyTestTests
{
    [Fact]
    public void Test_RDocumentationExample_MatchesRExactPValue()
    {
        // R: wilcox.test(x, y, alternative = "g") gives W = 35, p-value = 0.1272.
        double[] x = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
        double[] y = [1.15, 0.88, 0.90, 0.74, 1.21];
        var result = MannWhitneyTest.Test(baseline: y, candidate: x, TestAlternative.Greater);
        Assert.Equal(35, result.U);
        Assert.Equal(PValueMethod.Exact, result.Method);
        Assert.Equal(0.1272, result.PValue, 4);
    }

    [Fact]
    public void Test_CompleteSeparation_PValueIsOneOverBinomial()
    {
        var result = MannWhitneyTest.Test([1.0, 2, 3], [4.0, 5, 6], TestAlternative.Greater);
        Assert.Equal(9, result.U);
        Assert.Equal(1.0 / 20, result.PValue, 15);
        Assert.Equal(2.0 / 20, MannWhitneyTest.Test([1.0, 2, 3], [4.0, 5, 6]).PValue, 15);
        Assert.Equal(1.0, MannWhitneyTest.Test([1.0, 2, 3], [4.0, 5, 6], TestAlternative.Less).PValue, 15);
    }

    [Fact]
    public void Test_SmallSamples_MatchesBruteForcePermutation()
    {
        double[] baseline = [3.1, 0.4, 2.2, 5.9];
        double[] candidate = [4.4, 6.5, 1.7, 7.3, 5.0];
        var pooled = baseline.Concat(candidate).ToArray();
        var observed = CountGreaterPairs(baseline, candidate);
        int atLeast = 0, atMost = 0, total = 0;
        foreach (var mask in Enumerable.Range(0, 1 << pooled.Length).Where(m => System.Numerics.BitOperations.PopCount((uint)m) == baseline.Length))
        {
            var b = pooled.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
            var c = pooled.Where((_, i) => (mask & (1 << i)) == 0).ToArray();
            var u = CountGreaterPairs(b, c);
            atLeast += u >= observed ? 1 : 0;
            atMost += u <= observed ? 1 : 0;
            total++;
        }

        Assert.Equal((double)atLeast / total, MannWhitneyTest.Test(baseline, candidate, TestAlternative.Greater).PValue, 14);
        Assert.Equal((double)atMost / total, MannWhitneyTest.Test(baseline, candidate, TestAlternative.Less).PValue, 14);
        Assert.Equal(Math.Min(1, 2.0 * Math.Min(atLeast, atMost) / total), MannWhitneyTest.Test(baseline, candidate).PValue, 14);
    }

    [Fact]
    public void Test_Ties_UsesNormalApproximationWithTieAndContinuityCorrection()
    {
        // Hand-computed: mid-ranks give U = 17; ties (two groups of 3) give Var(U) = 20/12 * (10 - 48/72) = 140/9.
        var result = MannWhitneyTest.Test([1.0, 2, 2, 3], [2.0, 3, 3, 4, 5], TestAlternative.Greater);
        Assert.Equal(17, result.U);
        Assert.True(result.HasTies);
        Assert.Equal(PValueMethod.NormalApproximation, result.Method);
        Assert.Equal(NormalDistribution.UpperTail(6.5 / Math.Sqrt(140.0 / 9)), result.PValue, 14);
    }

    [Fact]
    public void Test_LargeSamples_UsesNormalApproximation()
    {
        var baseline = Enumerable.Range(1, 60).Select(i => (double)i).ToArray();
        var candidate = baseline.Select(x => x + 30.5).ToArray();
        var result = MannWhitneyTest.Test(baseline, candidate, TestAlternative.Greater);
        Assert.Equal(3165, result.U);
        var expected = NormalDistribution.UpperTail((1365 - 0.5) / Math.Sqrt(36300));
        Assert.Equal(expected, result.PValue, expected * 1e-12);
    }

    [Fact]
    public void Test_AllValuesTied_PValueIsOne()
    {
        Assert.Equal(1.0, MannWhitneyTest.Test([2.0, 2, 2], [2.0, 2]).PValue);
    }

    [Fact]
    public void Test_EmptyCandidate_ThrowsNamingParameter()
    {
        var error = Assert.Throws<ArgumentException>(() => MannWhitneyTest.Test([1.0], []));
        Assert.Equal("candidate", error.ParamName);
    }

    [Fact]
    public void Distribution_TenByTen_HasTextbookCriticalValue()
    {
        // Tables: two-sided 5% critical value of U for n1 = n2 = 10 is 23.
        var distribution = MannWhitneyDistribution.For(10, 10);
        Assert.True(distribution.CumulativeAtMost(23) <= 0.025);
        Assert.True(distribution.CumulativeAtMost(24) > 0.025);
    }

    private static int CountGreaterPairs(double[] baseline, double[] candidate) =>
        candidate.Sum(c => baseline.Count(b => c > b));
}
