namespace Measure.Statistics.Descriptive;

/// <summary>Input checks shared by every estimator, so bad input fails with a message naming the parameter.</summary>
internal static class SampleGuard
{
    public static void RequireSamples(IReadOnlyList<double> samples, string parameterName, int minimumCount = 1)
    {
        ArgumentNullException.ThrowIfNull(samples, parameterName);
        if (samples.Count < minimumCount)
        {
            throw new ArgumentException($"At least {minimumCount} sample(s) are required, got {samples.Count}.", parameterName);
        }

        for (var i = 0; i < samples.Count; i++)
        {
            if (!double.IsFinite(samples[i]))
            {
                throw new ArgumentException($"Sample {i} is {samples[i]}; every sample must be a finite number.", parameterName);
            }
        }
    }

    public static void RequireProbability(double p, string parameterName)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            throw new ArgumentOutOfRangeException(parameterName, p, "A probability must lie in [0, 1].");
        }
    }

    public static double[] SortedCopy(IReadOnlyList<double> samples)
    {
        var sorted = new double[samples.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = samples[i];
        }

        Array.Sort(sorted);
        return sorted;
    }
}
