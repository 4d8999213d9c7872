using Measure.Statistics.Noise;
using Measure.Statistics.Tests.Support;

namespace Measure.Statistics.Tests.Noise;

public class NoiseModelTests
{
    [Fact]
    public void FromRuns_PureSamplingNoise_LeavesThresholdAlone()
    {
        var runs = Enumerable.Range(0, 20).Select(seed => (IReadOnlyList<double>)Synthetic.LogNormal(30, 100, 0.03, seed)).ToArray();
        var model = NoiseModel.FromRuns(runs);
        Assert.True(model.IsUsable);
        Assert.True(model.RelativeSpread < model.MedianSpread);
        Assert.True(model.WidenThreshold(0.02) < 0.03);
    }

    [Fact]
    public void FromRuns_RunToRunDrift_WidensThresholdWellBeyondTheDrift()
    {
        var random = new Random(41);
        var runs = Enumerable.Range(0, 20)
            .Select(seed => (IReadOnlyList<double>)Synthetic.LogNormal(30, 100 * Math.Exp(0.03 * Synthetic.Gaussian(random)), 0.01, seed))
            .ToArray();
        var model = NoiseModel.FromRuns(runs);
        Assert.InRange(model.RelativeSpread, 0.015, 0.05);
        Assert.True(model.WidenThreshold(0.02) > 3 * model.RelativeSpread);
    }

    [Fact]
    public void FromRunMedians_TooFewRuns_IsNotUsableAndKeepsThreshold()
    {
        var model = NoiseModel.FromRunMedians([100, 150]);
        Assert.False(model.IsUsable);
        Assert.Equal(0.02, model.WidenThreshold(0.02));
        Assert.False(NoiseModel.FromRunMedians([]).IsUsable);
    }

    [Fact]
    public void NoiseMultiplier_MoreHistory_ShrinksTowardsTheNormalQuantile()
    {
        var few = NoiseModel.FromRunMedians(Enumerable.Range(0, 6).Select(i => 100.0 + i).ToArray());
        var many = NoiseModel.FromRunMedians(Enumerable.Range(0, 200).Select(i => 100.0 + (i % 7)).ToArray());
        Assert.True(few.NoiseMultiplier > many.NoiseMultiplier);
        Assert.InRange(many.NoiseMultiplier, 2.576 * Math.Sqrt(2), 3.0 * Math.Sqrt(2));
    }
}
