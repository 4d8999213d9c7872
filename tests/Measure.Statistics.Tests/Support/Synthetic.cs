namespace Measure.Statistics.Tests.Support;

/// <summary>Seeded synthetic series with known ground truth.</summary>
internal static class Synthetic
{
    public static double[] LogNormal(int count, double median, double sigma, int seed)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = median * Math.Exp(sigma * Gaussian(random));
        }

        return values;
    }

    public static double Gaussian(Random random)
    {
        // Box-Muller; 1 - NextDouble() avoids log(0).
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
