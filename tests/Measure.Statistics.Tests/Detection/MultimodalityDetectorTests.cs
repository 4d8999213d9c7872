using Measure.Statistics.Detection;
using Measure.Statistics.Tests.Support;

namespace Measure.Statistics.Tests.Detection;

public class MultimodalityDetectorTests
{
    [Fact]
    public void Detect_BigLittleMixture_FindsTwoModesNearTheCores()
    {
        var random = new Random(31);
        var samples = Enumerable.Range(0, 60).Select(_ => (random.NextDouble() < 0.35 ? 140.0 : 100.0) * Math.Exp(0.02 * Synthetic.Gaussian(random))).ToArray();
        var result = MultimodalityDetector.Detect(samples);
        Assert.True(result.IsMultimodal);
        Assert.Equal(2, result.ModeCount);
        Assert.Equal(100, result.ModeLocations[0], 5.0);
        Assert.Equal(140, result.ModeLocations[1], 5.0);
    }

    [Fact]
    public void Detect_UnimodalLogNormal_IsRarelyFlagged()
    {
        var flagged = Enumerable.Range(0, 200).Count(seed => MultimodalityDetector.Detect(Synthetic.LogNormal(30, 100, 0.05, seed)).IsMultimodal);
        Assert.True(flagged <= 6, $"{flagged} of 200 unimodal samples were flagged");
    }

    [Fact]
    public void Detect_SingleOutlier_IsNotAMode()
    {
        var samples = Synthetic.LogNormal(40, 100, 0.02, seed: 32);
        samples[7] = 300;
        Assert.False(MultimodalityDetector.Detect(samples).IsMultimodal);
    }

    [Fact]
    public void Detect_FewSamples_IsNotAssessed()
    {
        var result = MultimodalityDetector.Detect([1.0, 2, 10, 11]);
        Assert.False(result.Assessed);
        Assert.False(result.IsMultimodal);
    }
}
