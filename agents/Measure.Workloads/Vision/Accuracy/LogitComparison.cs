namespace Measure.Workloads.Vision.Accuracy;

/// <summary>How closely a candidate's logits follow the FP32 reference on the same images.</summary>
public static class LogitComparison
{
    /// <summary>Fraction of images whose arg-max class matches the reference's.</summary>
    public static double Top1Agreement(IReadOnlyList<float[]> reference, IReadOnlyList<float[]> candidate)
    {
        EnsurePaired(reference, candidate);
        int agree = 0;
        for (int i = 0; i < reference.Count; i++)
        {
            agree += ArgMax(reference[i]) == ArgMax(candidate[i]) ? 1 : 0;
        }

        return (double)agree / reference.Count;
    }

    /// <summary>
    /// Signal-to-quantization-noise ratio in dB over all logits of all images:
    /// 10 log10(sum ref^2 / sum (ref - candidate)^2); +infinity when they are identical.
    /// </summary>
    public static double SqnrDb(IReadOnlyList<float[]> reference, IReadOnlyList<float[]> candidate)
    {
        EnsurePaired(reference, candidate);
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < reference.Count; i++)
        {
            for (int j = 0; j < reference[i].Length; j++)
            {
                double r = reference[i][j];
                double d = r - candidate[i][j];
                signal += r * r;
                noise += d * d;
            }
        }

        return noise == 0 ? double.PositiveInfinity : 10 * Math.Log10(signal / noise);
    }

    /// <summary>Index of the largest value (the first on ties); -1 for an empty span.</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = -1;
        float bestValue = float.NegativeInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            if (best < 0 || values[i] > bestValue)
            {
                best = i;
                bestValue = values[i];
            }
        }

        return best;
    }

    private static void EnsurePaired(IReadOnlyList<float[]> reference, IReadOnlyList<float[]> candidate)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        if (reference.Count == 0 || reference.Count != candidate.Count)
        {
            throw new ArgumentException($"need the same non-zero number of images, got {reference.Count} reference and {candidate.Count} candidate", nameof(candidate));
        }

        for (int i = 0; i < reference.Count; i++)
        {
            if (reference[i].Length != candidate[i].Length)
            {
                throw new ArgumentException($"image {i} has {reference[i].Length} reference logits but {candidate[i].Length} candidate logits", nameof(candidate));
            }
        }
    }
}
