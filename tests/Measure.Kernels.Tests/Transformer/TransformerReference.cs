namespace Measure.Kernels.Tests.Transformer;

/// <summary>Double-precision references the transformer ops are checked against.</summary>
internal static class TransformerReference
{
    public static float[] Random(int seed, int length, double scale = 1.0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)(((random.NextDouble() * 2) - 1) * scale)).ToArray();
    }

    public static double[] RmsNorm(float[] x, float[] w, double eps)
    {
        var mean = x.Sum(v => (double)v * v) / x.Length;
        var scale = 1 / Math.Sqrt(mean + eps);
        return x.Select((v, i) => v * scale * w[i]).ToArray();
    }

    public static double[] Softmax(IReadOnlyList<double> x)
    {
        var max = x.Max();
        var e = x.Select(v => Math.Exp(v - max)).ToArray();
        var sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    public static double[] Rope(float[] x, int headDimension, int position, double frequencyBase)
    {
        var y = x.Select(v => (double)v).ToArray();
        for (int head = 0; head < x.Length; head += headDimension)
        {
            for (int i = 0; i < headDimension / 2; i++)
            {
                var theta = position * Math.Pow(frequencyBase, -2.0 * i / headDimension);
                double x0 = x[head + (2 * i)], x1 = x[head + (2 * i) + 1];
                y[head + (2 * i)] = (x0 * Math.Cos(theta)) - (x1 * Math.Sin(theta));
                y[head + (2 * i) + 1] = (x0 * Math.Sin(theta)) + (x1 * Math.Cos(theta));
            }
        }

        return y;
    }

    /// <summary>Attention of one query over keys/values [length x kvHeads x d] with grouped heads.</summary>
    public static double[] Attention(float[] q, float[][] keys, float[][] values, int heads, int kvHeads, int d)
    {
        var output = new double[heads * d];
        var group = heads / kvHeads;
        for (int h = 0; h < heads; h++)
        {
            var kv = h / group;
            var scores = keys.Select(k => Enumerable.Range(0, d).Sum(i => (double)q[(h * d) + i] * k[(kv * d) + i]) / Math.Sqrt(d)).ToArray();
            var p = Softmax(scores);
            for (int t = 0; t < keys.Length; t++)
            {
                for (int i = 0; i < d; i++)
                {
                    output[(h * d) + i] += p[t] * values[t][(kv * d) + i];
                }
            }
        }

        return output;
    }
}
