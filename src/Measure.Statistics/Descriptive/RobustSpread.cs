namespace Measure.Statistics.Descriptive;

/// <summary>Outlier-resistant measures of spread; one slow iteration must not move a device's noise figure.</summary>
public static class RobustSpread
{
    /// <summary>Makes the MAD a consistent estimator of the standard deviation under normal noise.</summary>
    public const double NormalConsistency = 1.482602218505602;

    /// <summary>median(|x - median(x)|), unscaled.</summary>
    public static double MedianAbsoluteDeviation(IReadOnlyList<double> samples)
    {
        SampleGuard.RequireSamples(samples, nameof(samples));
        var sorted = SampleGuard.SortedCopy(samples);
        var median = Quantiles.Type7Sorted(sorted, 0.5);
        var deviations = new double[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            deviations[i] = Math.Abs(sorted[i] - median);
        }

        Array.Sort(deviations);
        return Quantiles.Type7Sorted(deviations, 0.5);
    }

    /// <summary>The MAD scaled to estimate a standard deviation.</summary>
    public static double NormalizedMad(IReadOnlyList<double> samples) => NormalConsistency * MedianAbsoluteDeviation(samples);

    /// <summary>Scaled MAD relative to |median|: a robust coefficient of variation (NaN when the median is 0).</summary>
    public static double RelativeMad(IReadOnlyList<double> samples)
    {
        var median = Quantiles.Median(samples);
        return median == 0 ? double.NaN : NormalizedMad(samples) / Math.Abs(median);
    }
}
