using Measure.Statistics.Descriptive;

namespace Measure.Statistics.Detection;

/// <summary>
/// Level shifts in a metric's history (one value per run) by binary segmentation with an L1 (Laplace) cost:
/// medians instead of means, so one bad night does not open a new segment. A split is kept when it lowers the
/// cost by more than the penalty, measured in units of the series' own noise.
/// </summary>
public static class ChangePointDetector
{
    public static IReadOnlyList<ChangePoint> Detect(IReadOnlyList<double> series, ChangePointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SampleGuard.RequireSamples(series, nameof(series), minimumCount: 0);
        options.Validate();
        var values = series.ToArray();
        if (values.Length < 2 * options.MinSegmentLength)
        {
            return [];
        }

        var scale = LaplaceScale(values);
        if (!(scale > 0))
        {
            return []; // a constant series has no change
        }

        var penalty = options.PenaltyFactor * Math.Log(values.Length);
        var splits = new List<int>();
        var pending = new Stack<(int Start, int End)>();
        pending.Push((0, values.Length));
        while (pending.Count > 0)
        {
            var (start, end) = pending.Pop();
            if (BestSplit(values, start, end, options.MinSegmentLength) is not { } best)
            {
                continue;
            }

            var before = Median(values, start, best.Index);
            var after = Median(values, best.Index, end);
            var shift = before == 0 ? double.PositiveInfinity : Math.Abs(after - before) / Math.Abs(before);
            if (best.Gain / scale > penalty && shift >= options.MinimumRelativeChange)
            {
                splits.Add(best.Index);
                pending.Push((start, best.Index));
                pending.Push((best.Index, end));
            }
        }

        splits.Sort();
        var result = new List<ChangePoint>(splits.Count);
        for (var k = 0; k < splits.Count; k++)
        {
            var segmentStart = k == 0 ? 0 : splits[k - 1];
            var segmentEnd = k == splits.Count - 1 ? values.Length : splits[k + 1];
            result.Add(new ChangePoint(splits[k], Median(values, segmentStart, splits[k]), Median(values, splits[k], segmentEnd)));
        }

        return result;
    }

    private static (int Index, double Gain)? BestSplit(double[] values, int start, int end, int minimumLength)
    {
        var length = end - start;
        if (length < 2 * minimumLength)
        {
            return null;
        }

        // leftCost[k]: cost of values[start .. start+k); rightCost[k]: cost of the last k values.
        var leftCost = new double[length + 1];
        var rightCost = new double[length + 1];
        var left = new RunningAbsoluteDeviation();
        var right = new RunningAbsoluteDeviation();
        for (var k = 1; k <= length; k++)
        {
            left.Add(values[start + k - 1]);
            leftCost[k] = left.Cost;
            right.Add(values[end - k]);
            rightCost[k] = right.Cost;
        }

        var bestIndex = -1;
        var bestCost = double.PositiveInfinity;
        for (var k = minimumLength; k <= length - minimumLength; k++)
        {
            var cost = leftCost[k] + rightCost[length - k];
            if (cost < bestCost)
            {
                bestCost = cost;
                bestIndex = start + k;
            }
        }

        return (bestIndex, leftCost[length] - bestCost);
    }

    /// <summary>
    /// Laplace scale b of the noise (sd / sqrt 2), from the MAD of first differences: level shifts barely touch
    /// differences, so the noise estimate does not swallow the very changes being looked for.
    /// </summary>
    private static double LaplaceScale(double[] values)
    {
        var differences = new double[values.Length - 1];
        for (var i = 1; i < values.Length; i++)
        {
            differences[i - 1] = values[i] - values[i - 1];
        }

        var sigma = RobustSpread.NormalizedMad(differences) / Math.Sqrt(2);
        if (!(sigma > 0))
        {
            sigma = RobustSpread.NormalizedMad(values);
        }

        return sigma / Math.Sqrt(2);
    }

    private static double Median(double[] values, int start, int end)
    {
        var segment = values[start..end];
        Array.Sort(segment);
        return Quantiles.Type7Sorted(segment, 0.5);
    }
}
