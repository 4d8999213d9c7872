using System.Globalization;

namespace Measure.Server.Benchmarks;

/// <summary>Percentiles of measured latencies, printed the same way by every benchmark.</summary>
internal static class LatencyStats
{
    public static string Describe(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"n={sorted.Length} p50={At(0.5):0.0} ms p95={At(0.95):0.0} ms p99={At(0.99):0.0} ms max={sorted[^1]:0.0} ms");
    }

    public static double Percentile(IReadOnlyCollection<double> milliseconds, double p)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
