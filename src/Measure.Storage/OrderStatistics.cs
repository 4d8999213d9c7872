using System.Numerics;

namespace Measure.Storage;

/// <summary>
/// Type 7 quantiles (the definition of <c>Quantiles.Type7Sorted</c>) found by selection instead of a full
/// sort: ingest summarises every series of every upload, and sorting 10,000 samples cost more than hashing,
/// packing and inserting them together. Expected O(n) per quantile; a sort of the remaining range bounds the
/// worst case, so adversarial samples cannot make an upload quadratic.
/// </summary>
internal static class OrderStatistics
{
    /// <summary>
    /// Writes the Type 7 quantile of <paramref name="values"/> for each of <paramref name="probabilities"/>
    /// (ascending, in [0, 1]) into <paramref name="quantiles"/>. Reorders <paramref name="values"/>.
    /// </summary>
    public static void Type7(Span<double> values, ReadOnlySpan<double> probabilities, Span<double> quantiles)
    {
        if (values.IsEmpty)
            throw new ArgumentException("At least one sample is required.", nameof(values));
        if (quantiles.Length < probabilities.Length)
            throw new ArgumentException($"Room for {quantiles.Length} quantiles, {probabilities.Length} asked.", nameof(quantiles));
        var from = 0;
        for (var q = 0; q < probabilities.Length; q++)
        {
            var probability = probabilities[q];
            if (probability is < 0 or > 1 || double.IsNaN(probability) || (q > 0 && probability < probabilities[q - 1]))
                throw new ArgumentException($"Probabilities must ascend within [0, 1]; #{q} is {probability}.", nameof(probabilities));
            var position = (values.Length - 1) * probability;
            var lower = (int)Math.Floor(position);
            var upper = Math.Min(lower + 1, values.Length - 1);
            var fraction = position - lower;
            // Everything from an earlier selected index on holds the order statistics from that index up.
            Select(values, from, lower);
            var low = values[lower];
            var high = upper == lower ? low : Min(values[upper..]);
            quantiles[q] = low + (fraction * (high - low));
            from = lower;
        }
    }

    /// <summary>Puts the <paramref name="k"/>-th smallest of <c>values[from..]</c> at index k, smaller ones before, larger after.</summary>
    private static void Select(Span<double> values, int from, int k)
    {
        var lo = from;
        var hi = values.Length - 1;
        var budget = 2 * (BitOperations.Log2((uint)values.Length) + 1);
        while (hi > lo)
        {
            if (budget-- == 0)
            {
                values[lo..(hi + 1)].Sort();
                return;
            }
            var mid = lo + ((hi - lo) / 2);
            SortPair(ref values[lo], ref values[mid]);
            SortPair(ref values[lo], ref values[hi]);
            SortPair(ref values[mid], ref values[hi]);
            var pivot = values[mid];
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                    i++;
                while (values[j] > pivot)
                    j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            // Now values[lo..j] <= pivot <= values[i..hi], and anything between equals the pivot.
            if (k <= j)
                hi = j;
            else if (k >= i)
                lo = i;
            else
                return;
        }
    }

    private static void SortPair(ref double a, ref double b)
    {
        if (a > b)
            (a, b) = (b, a);
    }

    private static double Min(ReadOnlySpan<double> values)
    {
        var min = values[0];
        foreach (var value in values)
        {
            if (value < min)
                min = value;
        }
        return min;
    }
}
