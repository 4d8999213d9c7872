using Measure.Kernels.Threading;
using Measure.Workloads.Llm.Model;

namespace Measure.Workloads.Llm.Accuracy;

/// <summary>
/// Scores a model in one precision against the same weights in FP32. Both see the identical token
/// sequence (the prompt followed by the reference's own greedy continuation, teacher-forced), so every
/// compared position has the same history.
/// </summary>
public static class AccuracyEvaluator
{
    public static AccuracyReport Compare(
        LlamaModel reference, LlamaModel candidate, IReadOnlyList<IReadOnlyList<int>> prompts, int continuationLength, KernelContext context)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentOutOfRangeException.ThrowIfNegative(continuationLength);
        if (reference.Parameters.VocabularySize != candidate.Parameters.VocabularySize)
        {
            throw new ArgumentException("reference and candidate have different vocabularies", nameof(candidate));
        }

        int positions = 0, agreements = 0;
        double klSum = 0, klMax = 0;
        foreach (var prompt in prompts)
        {
            var contextLength = prompt.Count + continuationLength + 1;
            var referenceSession = new LlamaSession(reference, context, contextLength);
            var continuation = GreedyGenerator.Generate(referenceSession, prompt, continuationLength);
            var sequence = prompt.Concat(continuation).ToList();
            var referenceLogits = CollectLogits(new LlamaSession(reference, context, contextLength), sequence, prompt.Count - 1);
            new LlamaSession(candidate, context, contextLength).Evaluate(sequence, (index, logits) =>
            {
                if (index < prompt.Count - 1)
                {
                    return;
                }

                var expected = referenceLogits[index - (prompt.Count - 1)];
                var kl = LogitStatistics.KlDivergence(expected, logits);
                klSum += kl;
                klMax = Math.Max(klMax, kl);
                agreements += GreedyGenerator.ArgMax(expected) == GreedyGenerator.ArgMax(logits) ? 1 : 0;
                positions++;
            });
        }

        return new AccuracyReport(
            WeightPrecisions.Name(reference.Precision),
            WeightPrecisions.Name(candidate.Precision),
            prompts.Count,
            positions,
            positions == 0 ? 0 : (double)agreements / positions,
            positions == 0 ? 0 : klSum / positions,
            klMax);
    }

    /// <summary>
    /// Perplexity of <paramref name="tokens"/> (e.g. a tokenized text file) in non-overlapping windows of
    /// <paramref name="window"/> tokens; within each window every token after the first is scored.
    /// </summary>
    public static PerplexityReport Perplexity(LlamaModel model, IReadOnlyList<int> tokens, int window, KernelContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokens);
        if (window < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "a window needs at least 2 tokens");
        }

        if (tokens.Count < 2)
        {
            throw new ArgumentException("perplexity needs at least 2 tokens", nameof(tokens));
        }

        var session = new LlamaSession(model, context, window);
        double nll = 0;
        int scored = 0, windows = 0;
        for (int start = 0; start + 1 < tokens.Count; start += window)
        {
            var chunk = tokens.Skip(start).Take(window).ToList();
            session.Reset();
            session.Evaluate(chunk, (index, logits) =>
            {
                if (index + 1 < chunk.Count)
                {
                    nll -= LogitStatistics.LogProbability(logits, chunk[index + 1]);
                    scored++;
                }
            });
            windows++;
        }

        var mean = nll / scored;
        return new PerplexityReport(WeightPrecisions.Name(model.Precision), scored, windows, mean, Math.Exp(mean));
    }

    /// <summary>Perplexity of a text (a file's contents) tokenized with the model's own vocabulary.</summary>
    public static PerplexityReport PerplexityOfText(LlamaModel model, string text, int window, KernelContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(text);
        var tokenizer = model.Tokenizer ?? throw new ArgumentException($"model '{model.Name}' has no tokenizer; perplexity needs a real model", nameof(model));
        return Perplexity(model, tokenizer.Encode(text), window, context);
    }

    private static List<float[]> CollectLogits(LlamaSession session, IReadOnlyList<int> sequence, int from)
    {
        var collected = new List<float[]>();
        session.Evaluate(sequence, (index, logits) =>
        {
            if (index >= from)
            {
                collected.Add(logits.ToArray());
            }
        });
        return collected;
    }
}
