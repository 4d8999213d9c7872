using System.Collections.Concurrent;

namespace Measure.Statistics.Inference;

/// <summary>
/// The exact null distribution of U for sizes (m, n) without ties: the counts are the coefficients of the
/// Gaussian binomial [m+n choose m]_q. Cached because a gate evaluates the same sizes over and over.
/// </summary>
public sealed class MannWhitneyDistribution
{
    /// <summary>Exact p-values are used while both sides have at most this many samples.</summary>
    public const int MaxExactSize = 50;

    private static readonly ConcurrentDictionary<(int, int), MannWhitneyDistribution> Cache = new();

    private readonly double[] _lowerCumulative;
    private readonly double _total;

    private MannWhitneyDistribution(int m, int n)
    {
        BaselineCount = m;
        CandidateCount = n;
        var counts = GaussianBinomialCoefficients(m, n);
        // Only the lower half is used (the distribution is symmetric), where every count is an exact integer.
        var half = (m * n / 2) + 1;
        _lowerCumulative = new double[half];
        var running = 0.0;
        for (var u = 0; u < half; u++)
        {
            running += counts[u];
            _lowerCumulative[u] = running;
        }

        _total = Binomial(m + n, m);
    }

    public int BaselineCount { get; }

    public int CandidateCount { get; }

    public int MaxU => BaselineCount * CandidateCount;

    public static MannWhitneyDistribution For(int m, int n)
    {
        if (m < 1 || m > MaxExactSize)
        {
            throw new ArgumentOutOfRangeException(nameof(m), m, $"Exact U distributions are available for 1..{MaxExactSize} samples.");
        }

        if (n < 1 || n > MaxExactSize)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"Exact U distributions are available for 1..{MaxExactSize} samples.");
        }

        return Cache.GetOrAdd((m, n), key => new MannWhitneyDistribution(key.Item1, key.Item2));
    }

    /// <summary>P(U &lt;= u) for integer u.</summary>
    public double CumulativeAtMost(int u)
    {
        if (u < 0)
        {
            return 0;
        }

        if (u >= MaxU)
        {
            return 1;
        }

        if (u < _lowerCumulative.Length)
        {
            return Math.Min(1, _lowerCumulative[u] / _total);
        }

        // Symmetry: P(U <= u) = 1 - P(U >= u + 1) = 1 - P(U <= mn - u - 1).
        return 1 - CumulativeAtMost(MaxU - u - 1);
    }

    /// <summary>P(U &gt;= u) for integer u.</summary>
    public double CumulativeAtLeast(int u) => CumulativeAtMost(MaxU - u);

    private static double[] GaussianBinomialCoefficients(int m, int n)
    {
        // prod_{i=1..m} (1 - q^{n+i}) / (1 - q^i); low-order coefficients only ever combine low-order ones,
        // so the lower tail stays exact even though the middle reaches 1e29.
        var poly = new double[(m * n) + m + 1];
        poly[0] = 1;
        var degree = 0;
        for (var i = 1; i <= m; i++)
        {
            var k = n + i;
            for (var j = degree + k; j >= k; j--)
            {
                poly[j] -= poly[j - k];
            }

            for (var j = i; j <= degree + k; j++)
            {
                poly[j] += poly[j - i];
            }

            degree = i * n;
            Array.Clear(poly, degree + 1, poly.Length - degree - 1);
        }

        return poly;
    }

    private static double Binomial(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
