using Measure.Statistics.Special;

namespace Measure.Statistics.Tests.Special;

public class ErrorFunctionTests
{
    [Theory]
    [InlineData(0.5, 0.5204998778130465)]
    [InlineData(1.0, 0.8427007929497149)]
    [InlineData(2.0, 0.9953222650189527)]
    [InlineData(-1.0, -0.8427007929497149)]
    public void Erf_KnownPoints_MatchTables(double x, double expected)
    {
        Assert.Equal(expected, ErrorFunction.Erf(x), 1e-15);
    }

    [Theory]
    [InlineData(3.0, 2.209049699858544e-05)]
    [InlineData(5.0, 1.5374597944280349e-12)]
    [InlineData(2.5, 4.069520174449590e-04)]
    public void Erfc_Tail_MatchesTablesRelatively(double x, double expected)
    {
        Assert.Equal(expected, ErrorFunction.Erfc(x), expected * 1e-13);
    }
}
