namespace Measure.Statistics.Special;

/// <summary>log Gamma for positive arguments (needed by the incomplete beta behind Harrell-Davis).</summary>
public static class GammaFunction
{
    private const double HalfLogTwoPi = 0.91893853320467274;

    public static double LogGamma(double x)
    {
        if (double.IsNaN(x) || x <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma is defined here for positive arguments only.");
        }

        // Shift up with Gamma(x) = Gamma(x + k) / (x (x+1) ... (x+k-1)) until Stirling's series is exact to double precision.
        var shiftLog = 0.0;
        while (x < 15)
        {
            shiftLog += Math.Log(x);
            x += 1;
        }

        var inverse = 1 / x;
        var inverse2 = inverse * inverse;
        var series = inverse * ((1.0 / 12) - (inverse2 * ((1.0 / 360) - (inverse2 * ((1.0 / 1260) - (inverse2 * ((1.0 / 1680) - (inverse2 / 1188))))))));
        return ((x - 0.5) * Math.Log(x)) - x + HalfLogTwoPi + series - shiftLog;
    }

    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);
}
