using Measure.Statistics.Resampling;
using Measure.Statistics.Tests.Support;

namespace Measure.Statistics.Tests.Resampling;

public class BootstrapTests
{
    [Fact]
    public void MedianInterval_SameSeed_IsIdentical()
    {
        var samples = Synthetic.LogNormal(40, 100, 0.05, seed: 51);
        Assert.Equal(Bootstrap.MedianInterval(samples, seed: 3), Bootstrap.MedianInterval(samples, seed: 3));
    }

    [Fact]
    public void MedianInterval_RepeatedExperiments_CoversTrueMedianAtAboutTheNominalRate()
    {
        var covered = Enumerable.Range(0, 200).Count(seed => Bootstrap.MedianInterval(Synthetic.LogNormal(50, 100, 0.05, seed), 0.95, 500, seed).Contains(100));
        Assert.InRange(covered, 176, 200);
    }

    [Fact]
    public void RelativeChangeInterval_PlantedTenPercent_ContainsIt()
    {
        var interval = Bootstrap.RelativeChangeInterval(Synthetic.LogNormal(60, 100, 0.03, 52), Synthetic.LogNormal(60, 110, 0.03, 53));
        Assert.True(interval.Contains(0.10), interval.ToString());
        Assert.True(interval.Lower > 0.05);
    }

    [Fact]
    public void QuantileInterval_TooFewResamples_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.QuantileInterval([1.0, 2, 3], 0.9, resamples: 10));
    }

    [Fact]
    public void RelativeChangeInterval_ZeroBaselineMedian_ThrowsNamingParameter()
    {
        var error = Assert.Throws<ArgumentException>(() => Bootstrap.RelativeChangeInterval([0.0, 0, 0], [1.0, 2, 3]));
        Assert.Equal("baseline", error.ParamName);
    }
}
