using Measure.Statistics.Descriptive;

namespace Measure.Statistics.Detection;

/// <summary>
/// Finds separate modes (a big.LITTLE phone hopping between core types, a cache that sometimes misses) with a
/// binned Gaussian kernel density. A mode counts only when it holds a real share of the samples and a clear
/// valley separates it from its neighbour, so skew and lone outliers are not called multimodal.
/// </summary>
public static class MultimodalityDetector
{
    /// <summary>Below this many samples a density says little; the sample is reported as not assessed.</summary>
    public const int MinimumSamples = 12;

    private const int GridSize = 256;
    private const double MinimumModeShare = 0.1;
    private const double MinimumModeSamples = 4;
    // A valley deeper than this fraction of the smaller peak separates two modes (60% of its height).
    private const double ValleyRatio = 0.6;

    public static ModalityResult Detect(IReadOnlyList<double> samples)
    {
        SampleGuard.RequireSamples(samples, nameof(samples));
        var sorted = SampleGuard.SortedCopy(samples);
        return DetectSorted(sorted);
    }

    internal static ModalityResult DetectSorted(double[] sorted)
    {
        var n = sorted.Length;
        var median = Quantiles.Type7Sorted(sorted, 0.5);
        if (n < MinimumSamples)
        {
            return ModalityResult.NotAssessed(median);
        }

        var bandwidth = SilvermanBandwidth(sorted);
        // The grid spans the central 98% only: far outliers cannot form a mode worth flagging and would dilute resolution.
        var low = Quantiles.Type7Sorted(sorted, 0.01) - (3 * bandwidth);
        var high = Quantiles.Type7Sorted(sorted, 0.99) + (3 * bandwidth);
        if (!(bandwidth > 0) || !(high > low))
        {
            return new ModalityResult(1, [median], true);
        }

        var density = BinnedDensity(sorted, low, high, bandwidth);
        var step = (high - low) / (GridSize - 1);
        var peaks = SignificantPeaks(density, n);
        var locations = peaks.Select(p => low + (p * step)).ToArray();
        return new ModalityResult(Math.Max(1, locations.Length), locations.Length == 0 ? [median] : locations, true);
    }

    // Silverman's rule with the robust spread min(sd, IQR / 1.34), which keeps the bandwidth narrow enough to split modes.
    private static double SilvermanBandwidth(double[] sorted)
    {
        var n = sorted.Length;
        var mean = sorted.Average();
        var variance = sorted.Sum(x => (x - mean) * (x - mean)) / (n - 1);
        var iqr = Quantiles.Type7Sorted(sorted, 0.75) - Quantiles.Type7Sorted(sorted, 0.25);
        var spread = iqr > 0 ? Math.Min(Math.Sqrt(variance), iqr / 1.34) : Math.Sqrt(variance);
        return 0.9 * spread * Math.Pow(n, -0.2);
    }

    private static double[] BinnedDensity(double[] sorted, double low, double high, double bandwidth)
    {
        var step = (high - low) / (GridSize - 1);
        var counts = new double[GridSize];
        foreach (var x in sorted)
        {
            var position = (x - low) / step;
            if (position < 0 || position > GridSize - 1)
            {
                continue;
            }

            var left = Math.Min((int)position, GridSize - 2);
            var fraction = position - left;
            counts[left] += 1 - fraction;
            counts[left + 1] += fraction;
        }

        var sigma = Math.Max(bandwidth / step, 0.5);
        var reach = Math.Min((int)Math.Ceiling(4 * sigma), GridSize - 1);
        var kernel = new double[reach + 1];
        for (var k = 0; k <= reach; k++)
        {
            kernel[k] = Math.Exp(-0.5 * (k / sigma) * (k / sigma));
        }

        var density = new double[GridSize];
        for (var i = 0; i < GridSize; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            var from = Math.Max(0, i - reach);
            var to = Math.Min(GridSize - 1, i + reach);
            for (var j = from; j <= to; j++)
            {
                density[j] += counts[i] * kernel[Math.Abs(j - i)];
            }
        }

        return density;
    }

    private static List<int> SignificantPeaks(double[] density, int sampleCount)
    {
        var peaks = new List<int>();
        for (var i = 0; i < density.Length; i++)
        {
            var left = i == 0 ? double.NegativeInfinity : density[i - 1];
            var right = i == density.Length - 1 ? double.NegativeInfinity : density[i + 1];
            if (density[i] > left && density[i] >= right)
            {
                peaks.Add(i);
            }
        }

        // Merge neighbours without a clear valley, then basins too small to be a mode, until nothing changes.
        var changed = true;
        while (changed && peaks.Count > 1)
        {
            changed = MergeShallowValleys(density, peaks) || MergeLightBasins(density, peaks, sampleCount);
        }

        return peaks;
    }

    private static bool MergeShallowValleys(double[] density, List<int> peaks)
    {
        for (var k = 0; k + 1 < peaks.Count; k++)
        {
            var valley = ValleyIndex(density, peaks[k], peaks[k + 1]);
            var smaller = Math.Min(density[peaks[k]], density[peaks[k + 1]]);
            if (density[valley] > ValleyRatio * smaller)
            {
                peaks.RemoveAt(density[peaks[k]] >= density[peaks[k + 1]] ? k + 1 : k);
                return true;
            }
        }

        return false;
    }

    private static bool MergeLightBasins(double[] density, List<int> peaks, int sampleCount)
    {
        var total = density.Sum();
        var minimumShare = Math.Max(MinimumModeShare, MinimumModeSamples / sampleCount);
        var lightest = -1;
        var lightestShare = double.MaxValue;
        for (var k = 0; k < peaks.Count; k++)
        {
            var from = k == 0 ? 0 : ValleyIndex(density, peaks[k - 1], peaks[k]);
            var to = k == peaks.Count - 1 ? density.Length - 1 : ValleyIndex(density, peaks[k], peaks[k + 1]);
            var share = 0.0;
            for (var i = from; i <= to; i++)
            {
                share += density[i];
            }

            share /= total;
            if (share < minimumShare && share < lightestShare)
            {
                lightest = k;
                lightestShare = share;
            }
        }

        if (lightest < 0)
        {
            return false;
        }

        peaks.RemoveAt(lightest);
        return true;
    }

    private static int ValleyIndex(double[] density, int fromPeak, int toPeak)
    {
        var valley = fromPeak;
        for (var i = fromPeak; i <= toPeak; i++)
        {
            if (density[i] < density[valley])
            {
                valley = i;
            }
        }

        return valley;
    }
}
