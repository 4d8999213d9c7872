using Measure.Statistics.Descriptive;

namespace Measure.Statistics.Detection;

/// <summary>
/// Decides when warm-up is over. The run protocol calls it after every warm-up iteration with the series so far;
/// it looks only at the last two windows, so each call costs O(window) however long warm-up has been.
/// Steady means the medians of the last two windows agree within the tolerance, widened by what the windows'
/// own noise allows (a noisy phone would otherwise never be declared steady).
/// </summary>
public static class SteadyStateDetector
{
    // Medians of two windows of w noisy samples differ by about 1.25 * sigma * sqrt(2 / w); allow 2.5 of those.
    private const double NoiseAllowance = 2.5 * 1.2533;

    public static SteadyStateResult Detect(IReadOnlyList<double> series, SteadyStateOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var count = series.Count;
        var window = options.Window;
        var start = count - (2 * window);
        if (start >= options.MinWarmup)
        {
            var older = Slice(series, start, window, nameof(series));
            var newer = Slice(series, start + window, window, nameof(series));
            var recent = Slice(series, start, 2 * window, nameof(series));
            if (Agree(older, newer, recent, options.RelativeTolerance))
            {
                return SteadyStateResult.Reached(start);
            }
        }

        return count >= options.MaxWarmup ? SteadyStateResult.BudgetExhausted(count) : SteadyStateResult.NotYet();
    }

    private static bool Agree(double[] older, double[] newer, double[] recent, double tolerance)
    {
        Array.Sort(older);
        Array.Sort(newer);
        var olderMedian = Quantiles.Type7Sorted(older, 0.5);
        var newerMedian = Quantiles.Type7Sorted(newer, 0.5);
        var scale = Math.Abs(olderMedian);
        if (scale == 0)
        {
            return newerMedian == 0;
        }

        var noise = NoiseFromDifferences(recent) / scale;
        var allowed = Math.Max(tolerance, NoiseAllowance * noise * Math.Sqrt(2.0 / older.Length));
        return Math.Abs(newerMedian - olderMedian) / scale <= allowed;
    }

    /// <summary>
    /// Noise sigma from successive differences: a warm-up trend shifts every difference by about the same amount,
    /// which the MAD ignores, so a still-improving series cannot pass as merely noisy.
    /// </summary>
    private static double NoiseFromDifferences(double[] recent)
    {
        var differences = new double[recent.Length - 1];
        for (var i = 1; i < recent.Length; i++)
        {
            differences[i - 1] = recent[i] - recent[i - 1];
        }

        return RobustSpread.NormalizedMad(differences) / Math.Sqrt(2);
    }

    private static double[] Slice(IReadOnlyList<double> series, int from, int length, string parameterName)
    {
        var slice = new double[length];
        for (var i = 0; i < length; i++)
        {
            var value = series[from + i];
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"Iteration {from + i} is {value}; every value must be finite.", parameterName);
            }

            slice[i] = value;
        }

        return slice;
    }
}
