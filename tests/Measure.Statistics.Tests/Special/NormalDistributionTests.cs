using Measure.Statistics.Special;

namespace Measure.Statistics.Tests.Special;

public class NormalDistributionTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.959963984540054, 0.975)]
    [InlineData(-3.0, 0.0013498980316300946)]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(-8.0, 6.220960574271784e-16)]
    public void Cdf_KnownPoints_MatchTables(double z, double expected)
    {
        Assert.Equal(expected, NormalDistribution.Cdf(z), expected * 1e-12);
    }

    [Fact]
    public void UpperTail_FarTail_KeepsRelativePrecision()
    {
        Assert.Equal(6.220960574271784e-16, NormalDistribution.UpperTail(8), 1e-27);
    }

    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.001, -3.090232306167813)]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.99, 2.3263478740408408)]
    public void Quantile_KnownProbabilities_MatchTables(double p, double expected)
    {
        Assert.Equal(expected, NormalDistribution.Quantile(p), 1e-12);
    }

    [Fact]
    public void Quantile_OutsideUnitInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.Quantile(1.5));
    }

    [Fact]
    public void Quantile_RoundTripsThroughCdf()
    {
        for (var p = 0.0005; p < 1; p += 0.01)
        {
            Assert.Equal(p, NormalDistribution.Cdf(NormalDistribution.Quantile(p)), 1e-14);
        }
    }
}
