namespace Measure.Workloads.Llm.Model;

/// <summary>Greedy (argmax) generation: the deterministic continuation every device must agree on.</summary>
public static class GreedyGenerator
{
    /// <summary>Index of the largest logit; the lowest index wins ties, so every device picks the same.</summary>
    public static int ArgMax(ReadOnlySpan<float> logits)
    {
        if (logits.IsEmpty)
        {
            throw new ArgumentException("no logits", nameof(logits));
        }

        int best = 0;
        for (int i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// Prefills <paramref name="prompt"/> and decodes <paramref name="count"/> tokens greedily; stops early
    /// at <paramref name="stopToken"/> (included) when given.
    /// </summary>
    public static IReadOnlyList<int> Generate(LlamaSession session, IReadOnlyList<int> prompt, int count, int? stopToken = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var generated = new List<int>(count);
        if (count == 0)
        {
            return generated;
        }

        var next = ArgMax(session.Prefill(prompt));
        generated.Add(next);
        while (generated.Count < count && next != stopToken)
        {
            next = ArgMax(session.Decode(next));
            generated.Add(next);
        }

        return generated;
    }
}
