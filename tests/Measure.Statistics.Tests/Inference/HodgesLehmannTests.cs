using FsCheck;
using FsCheck.Fluent;
using Measure.Statistics.Inference;
using Measure.Statistics.Tests.Support;

namespace Measure.Statistics.Tests.Inference;

public class HodgesLehmannTests
{
    [Fact]
    public void Shift_AnySamples_EqualsBruteForceMedianOfDifferences()
    {
        var sample = Gen.Choose(-500, 500).Select(x => x / 7.0).ArrayOf().Where(a => a.Length is > 0 and < 40);
        Prop.ForAll(
            Gen.Zip(sample, sample).ToArbitrary(),
            pair =>
            {
                var (baseline, candidate) = pair;
                var differences = candidate.SelectMany(c => baseline.Select(b => c - b)).Order().ToArray();
                var count = differences.Length;
                var expected = count % 2 == 1 ? differences[count / 2] : (differences[(count / 2) - 1] + differences[count / 2]) / 2;
                return Math.Abs(expected - HodgesLehmann.Shift(baseline, candidate)) <= 1e-12 * Math.Max(1, Math.Abs(expected));
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Estimate_TenByTen_IntervalIsTextbookOrderStatistics()
    {
        var baseline = Synthetic.LogNormal(10, 100, 0.05, seed: 1);
        var candidate = Synthetic.LogNormal(10, 104, 0.05, seed: 2);
        var differences = candidate.SelectMany(c => baseline.Select(b => c - b)).Order().ToArray();
        var estimate = HodgesLehmann.Estimate(baseline, candidate, 0.95);
        // Critical value 23 for n1 = n2 = 10 at 5%: the interval is [D(24), D(77)].
        Assert.Equal(differences[23], estimate.Interval.Lower);
        Assert.Equal(differences[76], estimate.Interval.Upper);
        Assert.True(estimate.LevelAchieved);
    }

    [Fact]
    public void Estimate_PlantedShift_IntervalCoversIt()
    {
        var baseline = Synthetic.LogNormal(200, 100, 0.02, seed: 3);
        var candidate = Synthetic.LogNormal(200, 100, 0.02, seed: 4).Select(x => x + 5).ToArray();
        var estimate = HodgesLehmann.Estimate(baseline, candidate);
        Assert.True(estimate.Interval.Contains(5), $"{estimate.Interval} should contain 5");
        Assert.Equal(5, estimate.Shift, 0.6);
    }

    [Fact]
    public void Estimate_TooFewSamples_WidensToAllDifferencesAndSaysSo()
    {
        var estimate = HodgesLehmann.Estimate([1.0, 2], [3.0, 5], 0.95);
        Assert.False(estimate.LevelAchieved);
        Assert.Equal(1, estimate.Interval.Lower);
        Assert.Equal(4, estimate.Interval.Upper);
    }

    [Fact]
    public void Shift_ThousandsOfSamples_IsExactWithoutMaterialisingPairs()
    {
        var baseline = Enumerable.Range(0, 5000).Select(i => (double)i).ToArray();
        var candidate = baseline.Select(x => x + 2.5).ToArray();
        Assert.Equal(2.5, HodgesLehmann.Shift(baseline, candidate), 12);
    }
}
