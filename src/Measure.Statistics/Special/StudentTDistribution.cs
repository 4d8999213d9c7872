namespace Measure.Statistics.Special;

/// <summary>Student's t distribution (real-valued degrees of freedom), via the incomplete beta function.</summary>
public static class StudentTDistribution
{
    public static double Cdf(double t, double degreesOfFreedom)
    {
        RequirePositive(degreesOfFreedom);
        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        if (double.IsInfinity(t))
        {
            return t > 0 ? 1 : 0;
        }

        var tail = 0.5 * BetaFunction.RegularizedIncomplete(degreesOfFreedom / 2, 0.5, degreesOfFreedom / (degreesOfFreedom + (t * t)));
        return t > 0 ? 1 - tail : tail;
    }

    /// <summary>Inverse CDF by bisection: monotone, always converges, and cheap enough for a per-comparison call.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        RequirePositive(degreesOfFreedom);
        if (double.IsNaN(p) || p <= 0 || p >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must lie strictly between 0 and 1.");
        }

        if (p < 0.5)
        {
            return -Quantile(1 - p, degreesOfFreedom);
        }

        var low = 0.0;
        var high = 1.0;
        while (Cdf(high, degreesOfFreedom) < p)
        {
            low = high;
            high *= 2;
        }

        for (var i = 0; i < 200 && high - low > 1e-13 * high; i++)
        {
            var mid = 0.5 * (low + high);
            if (Cdf(mid, degreesOfFreedom) < p)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return 0.5 * (low + high);
    }

    private static void RequirePositive(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Degrees of freedom must be positive.");
        }
    }
}
