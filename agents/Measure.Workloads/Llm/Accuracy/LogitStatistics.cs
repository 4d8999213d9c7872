namespace Measure.Workloads.Llm.Accuracy;

/// <summary>Pure functions over logit vectors, computed in double so FP32 rounding does not bias the scores.</summary>
public static class LogitStatistics
{
    /// <summary>log softmax(logits)[index].</summary>
    public static double LogProbability(ReadOnlySpan<float> logits, int index)
    {
        if ((uint)index >= (uint)logits.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"outside {logits.Length} logits");
        }

        return logits[index] - LogSumExp(logits);
    }

    /// <summary>KL(P || Q) with P = softmax(reference), Q = softmax(candidate), in nats.</summary>
    public static double KlDivergence(ReadOnlySpan<float> reference, ReadOnlySpan<float> candidate)
    {
        if (reference.Length != candidate.Length || reference.IsEmpty)
        {
            throw new ArgumentException($"logit vectors of {reference.Length} and {candidate.Length} cannot be compared", nameof(candidate));
        }

        double logZp = LogSumExp(reference), logZq = LogSumExp(candidate), kl = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            double logP = reference[i] - logZp;
            kl += Math.Exp(logP) * (logP - (candidate[i] - logZq));
        }

        // Rounding can leave a tiny negative number for identical distributions.
        return Math.Max(0, kl);
    }

    public static double LogSumExp(ReadOnlySpan<float> logits)
    {
        double max = double.NegativeInfinity;
        foreach (var v in logits)
        {
            max = Math.Max(max, v);
        }

        double sum = 0;
        foreach (var v in logits)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }
}
