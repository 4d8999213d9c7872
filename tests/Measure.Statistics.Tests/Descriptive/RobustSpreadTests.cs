using Measure.Statistics.Descriptive;
using Measure.Statistics.Tests.Support;

namespace Measure.Statistics.Tests.Descriptive;

public class RobustSpreadTests
{
    [Fact]
    public void MedianAbsoluteDeviation_TextbookSample_IsOne()
    {
        Assert.Equal(1.0, RobustSpread.MedianAbsoluteDeviation([1.0, 1.0, 2.0, 2.0, 4.0, 6.0, 9.0]));
    }

    [Fact]
    public void NormalizedMad_OneHugeOutlier_BarelyMoves()
    {
        double[] clean = [10, 11, 9, 10.5, 9.5, 10.2, 9.8];
        double[] dirty = [10, 11, 9, 10.5, 9.5, 10.2, 1e6];
        Assert.InRange(RobustSpread.NormalizedMad(dirty), 0.5 * RobustSpread.NormalizedMad(clean), 2 * RobustSpread.NormalizedMad(clean));
    }

    [Fact]
    public void RelativeMad_LargeLogNormalSample_EstimatesSigma()
    {
        var samples = Synthetic.LogNormal(20000, 100, 0.03, seed: 7);
        Assert.Equal(0.03, RobustSpread.RelativeMad(samples), 0.002);
    }
}
