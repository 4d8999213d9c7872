namespace Measure.Statistics.Comparison;

/// <summary>
/// How many more samples per side would shrink an interval by a given factor. Rank-based intervals narrow
/// like sqrt(1/m + 1/n), which is all this needs; it is a planning figure, not a promise.
/// </summary>
public static class SampleSizeEstimator
{
    /// <summary>Beyond this the answer is "not practically decidable" (null).</summary>
    public const int MaximumAdditionalSamples = 100_000;

    /// <summary>Smallest k with sqrt(1/(m+k) + 1/(n+k)) &lt;= shrinkFactor * sqrt(1/m + 1/n), or null.</summary>
    public static int? AdditionalPerSide(int baselineCount, int candidateCount, double shrinkFactor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baselineCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(candidateCount, 1);
        if (double.IsNaN(shrinkFactor) || shrinkFactor <= 0)
        {
            return null;
        }

        if (shrinkFactor >= 1)
        {
            return 0;
        }

        var target = shrinkFactor * shrinkFactor * ((1.0 / baselineCount) + (1.0 / candidateCount));
        bool Enough(long k) => (1.0 / (baselineCount + k)) + (1.0 / (candidateCount + k)) <= target;
        if (!Enough(MaximumAdditionalSamples))
        {
            return null;
        }

        long low = 0;
        long high = MaximumAdditionalSamples;
        while (high - low > 1)
        {
            var mid = (low + high) / 2;
            if (Enough(mid))
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        return (int)high;
    }
}
