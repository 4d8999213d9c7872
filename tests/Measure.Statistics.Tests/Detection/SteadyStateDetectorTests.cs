using Measure.Statistics.Detection;
using Measure.Statistics.Tests.Support;

namespace Measure.Statistics.Tests.Detection;

public class SteadyStateDetectorTests
{
    private static readonly SteadyStateOptions Options = new() { MinWarmup = 3, MaxWarmup = 60, Window = 5, RelativeTolerance = 0.02 };

    [Fact]
    public void Detect_ExponentialWarmupThenFlat_ReachesSteadyStateAfterTheDecay()
    {
        // Latency starts 3x slower and decays with time constant 3 iterations; beyond ~15 it is within 1% of 100.
        var noise = Synthetic.LogNormal(60, 1, 0.01, seed: 11);
        var series = Enumerable.Range(0, 60).Select(i => (100 + (200 * Math.Exp(-i / 3.0))) * noise[i]).ToArray();
        var result = FirstDecision(series);
        Assert.Equal(SteadyStateStatus.Reached, result.Status);
        Assert.InRange(result.StartIndex!.Value, 9, 25);
    }

    [Fact]
    public void Detect_FlatSeries_IsSteadyRightAfterMinimumWarmup()
    {
        var result = FirstDecision(Synthetic.LogNormal(40, 100, 0.01, seed: 12));
        Assert.Equal(SteadyStateStatus.Reached, result.Status);
        Assert.Equal(Options.MinWarmup, result.StartIndex);
    }

    [Fact]
    public void Detect_EverDecreasingSeries_ExhaustsTheBudget()
    {
        var series = Enumerable.Range(0, 80).Select(i => 1000.0 * Math.Pow(0.97, i)).ToArray();
        var result = FirstDecision(series);
        Assert.Equal(SteadyStateStatus.BudgetExhausted, result.Status);
        Assert.Equal(Options.MaxWarmup, result.StartIndex);
        Assert.False(result.IsSteady);
        Assert.True(result.WarmupOver);
    }

    [Fact]
    public void Detect_NoisyButFlatSeries_IsSteadyDespiteTheNoise()
    {
        var result = FirstDecision(Synthetic.LogNormal(60, 100, 0.15, seed: 13));
        Assert.Equal(SteadyStateStatus.Reached, result.Status);
    }

    [Fact]
    public void Detect_TooShortSeries_IsNotYet()
    {
        Assert.Equal(SteadyStateStatus.NotYet, SteadyStateDetector.Detect([1.0, 1.0, 1.0], Options).Status);
    }

    [Fact]
    public void Detect_MaxBelowMin_ThrowsNamingOption()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SteadyStateDetector.Detect([1.0], Options with { MaxWarmup = 1 }));
        Assert.Equal("MaxWarmup", error.ParamName);
    }

    // The protocol's use: call after each iteration with the series so far and stop at the first decision.
    private static SteadyStateResult FirstDecision(double[] series)
    {
        for (var count = 1; count <= series.Length; count++)
        {
            var result = SteadyStateDetector.Detect(series[..count], Options);
            if (result.WarmupOver)
            {
                return result;
            }
        }

        return SteadyStateResult.NotYet();
    }
}
