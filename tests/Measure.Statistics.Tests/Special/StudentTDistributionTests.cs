using Measure.Statistics.Special;

namespace Measure.Statistics.Tests.Special;

public class StudentTDistributionTests
{
    [Theory]
    [InlineData(0.975, 1, 12.706204736174707)]
    [InlineData(0.975, 10, 2.228138851986274)]
    [InlineData(0.99, 5, 3.3649299989072743)]
    [InlineData(0.025, 10, -2.228138851986274)]
    public void Quantile_KnownValues_MatchTables(double p, double df, double expected)
    {
        Assert.Equal(expected, StudentTDistribution.Quantile(p, df), 1e-9);
    }

    [Fact]
    public void Cdf_ManyDegreesOfFreedom_ApproachesNormal()
    {
        Assert.Equal(NormalDistribution.Cdf(1.5), StudentTDistribution.Cdf(1.5, 1e6), 1e-6);
    }
}
