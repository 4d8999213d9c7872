using System.Diagnostics;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Threading;
using Measure.Workloads.Llm.Model;
using Measure.Workloads.Llm.Presets;

namespace Measure.Workloads.Llm.Benchmark;

/// <summary>
/// Runs the LLM workload on a model: prefill a prompt, decode greedily, time every token. Decode
/// throughput is compared with the roofline bound (probed read bandwidth / weight bytes per token),
/// since decoding one token streams every weight once.
/// </summary>
public static class LlmBenchmark
{
    public static LlmBenchmarkResult Run(LlamaModel model, LlmBenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var prompt = options.Prompt ?? SyntheticPrompt(model, options.PromptTokens);
        var contextLength = prompt.Count + options.GeneratedTokens;
        if (contextLength > model.Parameters.ContextLength)
        {
            throw new ArgumentException(
                $"prompt {prompt.Count} + generation {options.GeneratedTokens} exceed the model's context of {model.Parameters.ContextLength}", nameof(options));
        }

        using var context = new KernelContext(options.Threads);
        var session = new LlamaSession(model, context, contextLength, options.CachePrecision);
        for (int i = 0; i < options.WarmupRuns; i++)
        {
            RunOnce(session, prompt, options.GeneratedTokens);
        }

        var runs = Enumerable.Range(0, options.MeasuredRuns).Select(_ => RunOnce(session, prompt, options.GeneratedTokens)).ToList();
        var latencies = runs.SelectMany(r => r.DecodeLatenciesMs).Order().ToArray();
        var bytesPerToken = model.Weights.BytesPerToken;
        var decode = Median(runs.Select(r => r.DecodeTokensPerSecond));
        double? roofline = options.ProbedReadBandwidthBytesPerSecond / bytesPerToken;
        return new LlmBenchmarkResult(
            model.Name,
            WeightPrecisions.Name(model.Precision),
            KernelRegistry.Name(context.Isa),
            context.Threads,
            options.CachePrecision.ToString().ToLowerInvariant(),
            prompt.Count,
            options.GeneratedTokens,
            runs,
            Median(runs.Select(r => r.TimeToFirstTokenMs)),
            Median(runs.Select(r => r.PrefillTokensPerSecond)),
            decode,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.90),
            Percentile(latencies, 0.99),
            PeakResidentMemory.Bytes(),
            bytesPerToken,
            options.ProbedReadBandwidthBytesPerSecond,
            roofline,
            decode / roofline);
    }

    /// <summary>A deterministic prompt: token ids drawn from a fixed seed (the BOS token first when the model has one).</summary>
    public static IReadOnlyList<int> SyntheticPrompt(LlamaModel model, int length)
    {
        ArgumentNullException.ThrowIfNull(model);
        var random = new SeededRandom(0x5EED);
        var vocabulary = (ulong)model.Parameters.VocabularySize;
        var tokens = Enumerable.Range(0, length).Select(_ => (int)(random.NextUInt64() % vocabulary)).ToList();
        if (model.Tokenizer?.Special.Bos is { } bos && length > 0)
        {
            tokens[0] = bos;
        }

        return tokens;
    }

    /// <summary>Linear-interpolated percentile of sorted values (type 7, as the statistics library reports).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double quantile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var h = (sorted.Count - 1) * quantile;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
    }

    private static LlmRunSample RunOnce(LlamaSession session, IReadOnlyList<int> prompt, int generate)
    {
        session.Reset();
        var generated = new List<int>(generate);
        var latencies = new double[generate - 1];
        var start = Stopwatch.GetTimestamp();
        var next = GreedyGenerator.ArgMax(session.Prefill(prompt));
        var decodeStart = Stopwatch.GetTimestamp();
        generated.Add(next);

        // Each token's end is the next one's start: no gap between latencies, and one clock read per token.
        var tokenStart = decodeStart;
        for (int i = 0; i < latencies.Length; i++)
        {
            next = GreedyGenerator.ArgMax(session.Decode(next));
            var tokenEnd = Stopwatch.GetTimestamp();
            latencies[i] = Milliseconds(tokenEnd - tokenStart);
            generated.Add(next);
            tokenStart = tokenEnd;
        }

        return new LlmRunSample(Milliseconds(decodeStart - start), prompt.Count, latencies, generated,
            LlmRunTimes.FromTimestamps(start, decodeStart, tokenStart));
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static double Median(IEnumerable<double> values) => Percentile(values.Order().ToArray(), 0.5);
}
