namespace Measure.Statistics.Special;

/// <summary>The standard normal distribution: CDF, tail and quantile, accurate to about 1e-14.</summary>
public static class NormalDistribution
{
    private const double SqrtTwo = 1.4142135623730951;
    private const double SqrtTwoPi = 2.5066282746310002;

    public static double Cdf(double z) => 0.5 * ErrorFunction.Erfc(-z / SqrtTwo);

    /// <summary>P(Z &gt; z), computed directly so that far tails keep their relative precision.</summary>
    public static double UpperTail(double z) => 0.5 * ErrorFunction.Erfc(z / SqrtTwo);

    public static double Density(double z) => Math.Exp(-0.5 * z * z) / SqrtTwoPi;

    /// <summary>The inverse CDF. Acklam's rational approximation (about 1e-9) refined by one Halley step.</summary>
    public static double Quantile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability must lie in [0, 1].");
        }

        if (p == 0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        var x = AcklamApproximation(p);
        // Halley's step on F(x) - p; working in the nearer tail keeps the residual precise.
        var residual = p < 0.5 ? Cdf(x) - p : (1 - p) - UpperTail(x);
        var u = residual * SqrtTwoPi * Math.Exp(0.5 * x * x);
        return x - (u / (1 + (0.5 * x * u)));
    }

    private static double AcklamApproximation(double p)
    {
        const double lowRegion = 0.02425;
        ReadOnlySpan<double> a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        ReadOnlySpan<double> b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        ReadOnlySpan<double> c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        ReadOnlySpan<double> d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

        if (p < lowRegion || p > 1 - lowRegion)
        {
            var q = Math.Sqrt(-2 * Math.Log(p < lowRegion ? p : 1 - p));
            var tail = ((((((c[0] * q) + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / (((((d[0] * q) + d[1]) * q + d[2]) * q + d[3]) * q + 1);
            return p < lowRegion ? tail : -tail;
        }

        var s = p - 0.5;
        var r = s * s;
        return ((((((a[0] * r) + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * s
            / ((((((b[0] * r) + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
