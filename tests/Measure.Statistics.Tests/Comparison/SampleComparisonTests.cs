using Measure.Statistics.Comparison;
using Measure.Statistics.Noise;
using Measure.Statistics.Tests.Support;

namespace Measure.Statistics.Tests.Comparison;

public class SampleComparisonTests
{
    private static readonly ComparisonOptions Latency = new() { LowerIsBetter = true, PracticalThreshold = 0.02 };

    [Fact]
    public void Compare_TenPercentSlowerLatency_IsRegression()
    {
        var result = SampleComparison.Compare(Synthetic.LogNormal(30, 100, 0.03, 1), Synthetic.LogNormal(30, 110, 0.03, 2), Latency);
        Assert.Equal(Verdict.Regression, result.Verdict);
        Assert.Equal(0.10, result.RelativeChange, 0.02);
        Assert.True(result.RelativeChangeInterval!.Value.Contains(result.RelativeChange));
        Assert.True(result.PValue < 0.001);
        Assert.Equal(0.02, result.Threshold);
        Assert.Contains("Mann-Whitney", result.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TenPercentSlowerButHigherIsBetter_IsImprovement()
    {
        var options = Latency with { LowerIsBetter = false };
        var result = SampleComparison.Compare(Synthetic.LogNormal(30, 100, 0.03, 1), Synthetic.LogNormal(30, 110, 0.03, 2), options);
        Assert.Equal(Verdict.Improvement, result.Verdict);
    }

    [Fact]
    public void Compare_ThroughputDrop_IsRegression()
    {
        var options = Latency with { LowerIsBetter = false };
        var result = SampleComparison.Compare(Synthetic.LogNormal(30, 100, 0.03, 1), Synthetic.LogNormal(30, 90, 0.03, 2), options);
        Assert.Equal(Verdict.Regression, result.Verdict);
    }

    [Fact]
    public void Compare_SameDistributionManySamples_IsNoChange()
    {
        var result = SampleComparison.Compare(Synthetic.LogNormal(100, 100, 0.03, 5), Synthetic.LogNormal(100, 100, 0.03, 6), Latency);
        Assert.Equal(Verdict.NoChange, result.Verdict);
        Assert.Null(result.AdditionalSamplesPerSide);
    }

    [Fact]
    public void Compare_SignificantButBelowThreshold_IsNoChange()
    {
        var result = SampleComparison.Compare(Synthetic.LogNormal(100, 100, 0.002, 5), Synthetic.LogNormal(100, 101, 0.002, 6), Latency);
        Assert.True(result.PValue < 1e-6);
        Assert.Equal(Verdict.NoChange, result.Verdict);
    }

    [Fact]
    public void Compare_FewNoisySamples_IsInconclusiveAndSaysHowManyMore()
    {
        var result = SampleComparison.Compare(Synthetic.LogNormal(5, 100, 0.10, 7), Synthetic.LogNormal(5, 103, 0.10, 8), Latency);
        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.NotNull(result.AdditionalSamplesPerSide);
        Assert.True(result.AdditionalSamplesPerSide > 0);
        Assert.Contains("more samples", result.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NoisyHistory_WidensThresholdSoAFivePercentShiftPasses()
    {
        var noise = NoiseModel.FromRunMedians([100, 108, 95, 103, 92, 106, 99]);
        var options = Latency with { Noise = noise };
        var result = SampleComparison.Compare(Synthetic.LogNormal(50, 100, 0.01, 9), Synthetic.LogNormal(50, 105, 0.01, 10), options);
        Assert.NotEqual(Verdict.Regression, result.Verdict);
        Assert.True(result.Threshold > 0.05);
        Assert.True(result.Flags.HasFlag(ComparisonFlags.ThresholdWidenedByNoise));
    }

    [Fact]
    public void Compare_QuietHistory_KeepsPracticalThreshold()
    {
        var noise = NoiseModel.FromRunMedians([100, 100.2, 99.9, 100.1, 99.8, 100.05, 99.95, 100.15, 99.85, 100.1, 99.9, 100]);
        var result = SampleComparison.Compare(Synthetic.LogNormal(50, 100, 0.01, 9), Synthetic.LogNormal(50, 105, 0.01, 10), Latency with { Noise = noise });
        Assert.Equal(Verdict.Regression, result.Verdict);
        Assert.Equal(0.02, result.Threshold);
    }

    [Fact]
    public void Compare_NegativeValues_FallsBackToRawScale()
    {
        double[] baseline = [-1.0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5];
        var result = SampleComparison.Compare(baseline, baseline.Select(x => x + 10).ToArray(), Latency);
        Assert.True(result.Flags.HasFlag(ComparisonFlags.RawScale));
        Assert.Equal(Verdict.Regression, result.Verdict);
    }

    [Fact]
    public void Compare_OneSample_ThrowsNamingParameter()
    {
        var error = Assert.Throws<ArgumentException>(() => SampleComparison.Compare([1.0], [1.0, 2.0], Latency));
        Assert.Equal("baseline", error.ParamName);
    }

    [Fact]
    public void Compare_BadAlpha_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleComparison.Compare([1.0, 2], [1.0, 2], Latency with { Alpha = 0 }));
    }
}
