namespace Measure.Statistics.Inference;

/// <summary>
/// Order statistics of the m n differences candidate[j] - baseline[i] without materialising them:
/// a bisection over the ordered bit patterns of doubles, counting in O(m + n) per step, so thousands of
/// per-token samples cost no more memory than ten.
/// </summary>
internal static class PairwiseDifferences
{
    /// <summary>The k-th smallest (1-based) of sortedCandidate[j] - sortedBaseline[i]; both arrays ascending.</summary>
    public static double OrderStatistic(double[] sortedBaseline, double[] sortedCandidate, long k)
    {
        var total = (long)sortedBaseline.Length * sortedCandidate.Length;
        if (k < 1 || k > total)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"There are {total} pairwise differences.");
        }

        var smallest = sortedCandidate[0] - sortedBaseline[^1];
        var largest = sortedCandidate[^1] - sortedBaseline[0];
        // Invariant: CountAtMost(lo) < k <= CountAtMost(hi); the answer is the smallest double with count >= k.
        var lo = ToOrdered(smallest) - 1;
        var hi = ToOrdered(largest);
        while (lo < hi - 1)
        {
            // Floor of the average without overflow: lo and hi can sit near both ends of the long range.
            var mid = (lo >> 1) + (hi >> 1) + (lo & hi & 1);
            if (CountAtMost(sortedBaseline, sortedCandidate, FromOrdered(mid)) >= k)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return FromOrdered(hi);
    }

    /// <summary>How many differences are &lt;= threshold (with the same floating-point subtraction as above).</summary>
    public static long CountAtMost(double[] sortedBaseline, double[] sortedCandidate, double threshold)
    {
        long count = 0;
        var start = 0;
        var m = sortedBaseline.Length;
        foreach (var c in sortedCandidate)
        {
            // c - b <= threshold holds for a suffix of the ascending baseline, and that suffix shrinks as c grows.
            while (start < m && c - sortedBaseline[start] > threshold)
            {
                start++;
            }

            count += m - start;
        }

        return count;
    }

    // Maps doubles to longs preserving order (and -0 == +0), so bisection takes at most 64 steps.
    private static long ToOrdered(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        return bits < 0 ? long.MinValue - bits : bits;
    }

    private static double FromOrdered(long ordered) =>
        BitConverter.Int64BitsToDouble(ordered < 0 ? long.MinValue - ordered : ordered);
}
