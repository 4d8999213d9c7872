using Measure.Statistics.Comparison;

namespace Measure.Statistics.Tests.Comparison;

public class SingleValueComparisonTests
{
    private static readonly SingleValueOptions Top1 = new() { LowerIsBetter = false, AbsoluteThreshold = 0.01 };

    [Fact]
    public void Compare_AccuracyDropPastThreshold_IsRegression()
    {
        var result = SingleValueComparison.Compare(0.95, 0.93, Top1);
        Assert.Equal(Verdict.Regression, result.Verdict);
        Assert.Null(result.PValue);
        Assert.Equal(-0.02 / 0.95, result.RelativeChange, 12);
    }

    [Fact]
    public void Compare_AccuracyDropWithinThreshold_IsNoChange()
    {
        Assert.Equal(Verdict.NoChange, SingleValueComparison.Compare(0.95, 0.945, Top1).Verdict);
    }

    [Fact]
    public void Compare_AccuracyGain_IsImprovement()
    {
        Assert.Equal(Verdict.Improvement, SingleValueComparison.Compare(0.90, 0.95, Top1).Verdict);
    }

    [Fact]
    public void Compare_BothThresholds_TinyAbsoluteChangeIsNoChange()
    {
        var kl = new SingleValueOptions { LowerIsBetter = true, AbsoluteThreshold = 0.01, RelativeThreshold = 0.10 };
        Assert.Equal(Verdict.NoChange, SingleValueComparison.Compare(0.001, 0.002, kl).Verdict);
        Assert.Equal(Verdict.Regression, SingleValueComparison.Compare(0.05, 0.08, kl).Verdict);
    }

    [Fact]
    public void Compare_NoThreshold_Throws()
    {
        Assert.Throws<ArgumentException>(() => SingleValueComparison.Compare(1, 2, new SingleValueOptions()));
    }

    [Fact]
    public void Compare_ZeroBaselineWithOnlyRelativeThreshold_IsInconclusive()
    {
        var result = SingleValueComparison.Compare(0, 1, new SingleValueOptions { RelativeThreshold = 0.05 });
        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.True(result.Flags.HasFlag(ComparisonFlags.ZeroBaseline));
    }
}
