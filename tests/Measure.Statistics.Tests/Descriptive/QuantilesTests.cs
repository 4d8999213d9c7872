using FsCheck;
using FsCheck.Fluent;
using Measure.Statistics.Descriptive;

namespace Measure.Statistics.Tests.Descriptive;

public class QuantilesTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.25, 1.75)]
    [InlineData(0.5, 2.5)]
    [InlineData(0.9, 3.7)]
    [InlineData(1.0, 4.0)]
    public void Type7_FourValues_InterpolatesLikeR(double p, double expected)
    {
        Assert.Equal(expected, Quantiles.Type7([4.0, 1.0, 3.0, 2.0], p), 1e-12);
    }

    [Fact]
    public void Median_OddCount_IsMiddleValue()
    {
        Assert.Equal(3.0, Quantiles.Median([5.0, 3.0, 1.0, 100.0, 2.0]));
    }

    [Fact]
    public void HarrellDavis_SymmetricSample_MedianIsCentre()
    {
        Assert.Equal(3.0, Quantiles.HarrellDavis([1.0, 2.0, 3.0, 4.0, 5.0], 0.5), 1e-12);
    }

    [Fact]
    public void HarrellDavis_Weights_MatchNumericalIntegrationOfBetaDensity()
    {
        double[] sorted = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0];
        const double p = 0.3;
        var n = sorted.Length;
        var a = p * (n + 1);
        var b = (1 - p) * (n + 1);
        var expected = 0.0;
        for (var i = 0; i < n; i++)
        {
            expected += sorted[i] * Simpson(x => Math.Pow(x, a - 1) * Math.Pow(1 - x, b - 1), (double)i / n, (double)(i + 1) / n);
        }

        expected /= Simpson(x => Math.Pow(x, a - 1) * Math.Pow(1 - x, b - 1), 0, 1);
        Assert.Equal(expected, Quantiles.HarrellDavis(sorted, p), 1e-6);
    }

    [Fact]
    public void Quantiles_AnySample_StayWithinRangeAndIncreaseWithProbability()
    {
        Prop.ForAll(
            Gen.Choose(1, 1000).Select(x => (double)x).ArrayOf().Where(a => a.Length > 0).ToArbitrary(),
            samples =>
            {
                var previousType7 = double.MinValue;
                var previousHd = double.MinValue;
                foreach (var p in new[] { 0.0, 0.1, 0.5, 0.9, 1.0 })
                {
                    var type7 = Quantiles.Type7(samples, p);
                    var hd = Quantiles.HarrellDavis(samples, p);
                    if (type7 < samples.Min() || type7 > samples.Max() || hd < samples.Min() - 1e-9 || hd > samples.Max() + 1e-9
                        || type7 < previousType7 || hd < previousHd - 1e-9)
                    {
                        return false;
                    }

                    previousType7 = type7;
                    previousHd = hd;
                }

                return true;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Type7_EmptySample_ThrowsNamingParameter()
    {
        var error = Assert.Throws<ArgumentException>(() => Quantiles.Type7([], 0.5));
        Assert.Equal("samples", error.ParamName);
    }

    [Fact]
    public void Type7_NaNSample_Throws()
    {
        Assert.Throws<ArgumentException>(() => Quantiles.Type7([1.0, double.NaN], 0.5));
    }

    private static double Simpson(Func<double, double> f, double from, double to)
    {
        const int steps = 20000;
        var h = (to - from) / steps;
        var sum = f(from + 1e-12) + f(to - 1e-12);
        for (var i = 1; i < steps; i++)
        {
            sum += f(from + (i * h)) * (i % 2 == 1 ? 4 : 2);
        }

        return sum * h / 3;
    }
}
