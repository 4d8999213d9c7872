namespace Measure.Statistics.Special;

/// <summary>The regularized incomplete beta function I_x(a, b), the CDF of the Beta(a, b) distribution.</summary>
public static class BetaFunction
{
    public static double RegularizedIncomplete(double a, double b, double x)
    {
        if (!(a > 0) || !(b > 0))
        {
            throw new ArgumentOutOfRangeException(a > 0 ? nameof(b) : nameof(a), "Beta shape parameters must be positive.");
        }

        if (double.IsNaN(x) || x < 0 || x > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "x must lie in [0, 1].");
        }

        if (x == 0 || x == 1)
        {
            return x;
        }

        // The continued fraction converges quickly only left of the mean; use the symmetry I_x(a,b) = 1 - I_{1-x}(b,a).
        if (x > (a + 1) / (a + b + 2))
        {
            return 1 - RegularizedIncomplete(b, a, 1 - x);
        }

        var logFront = (a * Math.Log(x)) + (b * Math.Log(1 - x)) - GammaFunction.LogBeta(a, b);
        return Math.Exp(logFront) * ContinuedFraction(a, b, x) / a;
    }

    // Lentz's evaluation of the standard continued fraction for I_x(a, b).
    private static double ContinuedFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        const double epsilon = 1e-16;
        var c = 1.0;
        var d = 1 - ((a + b) * x / (a + 1));
        d = Math.Abs(d) < tiny ? tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 20000; m++)
        {
            var m2 = 2 * m;
            var even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + (even * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (even / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;

            var odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + (odd * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (odd / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < epsilon)
            {
                break;
            }
        }

        return h;
    }
}
