using Measure.Statistics.Descriptive;
using Measure.Statistics.Inference;

namespace Measure.Statistics.Resampling;

/// <summary>
/// Percentile bootstrap intervals, seeded so that the same samples always give the same interval (reports and
/// dashboards must be reproducible). Used for quantiles and ratios of medians, where no closed form exists.
/// </summary>
public static class Bootstrap
{
    public const int DefaultResamples = 2000;

    public static ConfidenceInterval QuantileInterval(
        IReadOnlyList<double> samples, double probability, double level = 0.95, int resamples = DefaultResamples, int seed = 0)
    {
        SampleGuard.RequireSamples(samples, nameof(samples));
        SampleGuard.RequireProbability(probability, nameof(probability));
        Validate(level, resamples);
        var random = new Random(seed);
        var source = samples.ToArray();
        var buffer = new double[source.Length];
        var statistics = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            Resample(source, buffer, random);
            statistics[r] = Quantiles.Type7Sorted(buffer, probability);
        }

        return Percentiles(statistics, level);
    }

    public static ConfidenceInterval MedianInterval(IReadOnlyList<double> samples, double level = 0.95, int resamples = DefaultResamples, int seed = 0) =>
        QuantileInterval(samples, 0.5, level, resamples, seed);

    /// <summary>Interval of median(candidate) / median(baseline) - 1, resampling each side independently.</summary>
    public static ConfidenceInterval RelativeChangeInterval(
        IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, double level = 0.95, int resamples = DefaultResamples, int seed = 0)
    {
        SampleGuard.RequireSamples(baseline, nameof(baseline));
        SampleGuard.RequireSamples(candidate, nameof(candidate));
        Validate(level, resamples);
        if (Quantiles.Median(baseline) == 0)
        {
            throw new ArgumentException("The baseline median is zero, so a relative change is undefined.", nameof(baseline));
        }

        var random = new Random(seed);
        var baseSource = baseline.ToArray();
        var candidateSource = candidate.ToArray();
        var baseBuffer = new double[baseSource.Length];
        var candidateBuffer = new double[candidateSource.Length];
        var statistics = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            Resample(baseSource, baseBuffer, random);
            Resample(candidateSource, candidateBuffer, random);
            var before = Quantiles.Type7Sorted(baseBuffer, 0.5);
            var after = Quantiles.Type7Sorted(candidateBuffer, 0.5);
            // A resampled baseline median of zero has no ratio; count it as an unbounded change.
            statistics[r] = before == 0 ? double.PositiveInfinity : (after - before) / Math.Abs(before);
        }

        return Percentiles(statistics, level);
    }

    private static void Resample(double[] source, double[] buffer, Random random)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = source[random.Next(source.Length)];
        }

        Array.Sort(buffer);
    }

    private static ConfidenceInterval Percentiles(double[] statistics, double level)
    {
        Array.Sort(statistics);
        var tail = (1 - level) / 2;
        return new ConfidenceInterval(Quantiles.Type7Sorted(statistics, tail), Quantiles.Type7Sorted(statistics, 1 - tail), level);
    }

    private static void Validate(double level, int resamples)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must lie strictly between 0 and 1.");
        }

        if (resamples < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "At least 100 resamples are needed for a percentile interval.");
        }
    }
}
