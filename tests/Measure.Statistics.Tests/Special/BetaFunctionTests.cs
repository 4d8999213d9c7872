using Measure.Statistics.Special;

namespace Measure.Statistics.Tests.Special;

public class BetaFunctionTests
{
    [Fact]
    public void LogGamma_KnownValues_Match()
    {
        Assert.Equal(0.5723649429247001, GammaFunction.LogGamma(0.5), 1e-14);
        Assert.Equal(Math.Log(362880), GammaFunction.LogGamma(10), 1e-13);
        Assert.Equal(0.0, GammaFunction.LogGamma(1), 1e-15);
    }

    [Theory]
    [InlineData(2, 3, 4)]
    [InlineData(5, 7, 11)]
    [InlineData(1, 1, 1)]
    public void RegularizedIncomplete_IntegerShapes_EqualsBinomialTail(int a, int b, int unused)
    {
        _ = unused;
        // For integer shapes, I_x(a, b) = P(Binomial(a + b - 1, x) >= a).
        foreach (var x in new[] { 0.1, 0.35, 0.5, 0.8 })
        {
            var trials = a + b - 1;
            var tail = 0.0;
            for (var k = a; k <= trials; k++)
            {
                tail += Binomial(trials, k) * Math.Pow(x, k) * Math.Pow(1 - x, trials - k);
            }

            Assert.Equal(tail, BetaFunction.RegularizedIncomplete(a, b, x), 1e-13);
        }
    }

    [Fact]
    public void RegularizedIncomplete_BadShape_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BetaFunction.RegularizedIncomplete(0, 1, 0.5));
    }

    private static double Binomial(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
