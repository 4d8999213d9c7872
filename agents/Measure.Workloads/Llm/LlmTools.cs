using Measure.Kernels.Threading;
using Measure.Workloads.Gguf;
using Measure.Workloads.Llm.Model;
using Measure.Workloads.Llm.Tokenization;

namespace Measure.Workloads.Llm;

/// <summary>
/// The checks a lab runs before trusting a model's numbers (`measure-agent tokenize` and `generate`):
/// each is one call. Bad files surface as <see cref="ModelFormatException"/>.
/// </summary>
public static class LlmTools
{
    /// <summary>Token ids of <paramref name="text"/> with the model's own vocabulary, BOS first when its metadata asks.</summary>
    public static IReadOnlyList<int> Tokenize(string modelPath, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var file = GgufFile.Open(modelPath);
        return GgufTokenizerLoader.Load(file.Metadata).Encode(text);
    }

    /// <summary>
    /// The greedy continuation of <paramref name="prompt"/>: <paramref name="count"/> tokens (fewer if the
    /// model emits EOS), with the weights run in <paramref name="precision"/> (converted once if the file differs).
    /// </summary>
    public static GenerationResult Generate(string modelPath, WeightPrecision precision, int count, string prompt, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        using var model = LlamaModel.Load(modelPath, precision);
        var tokenizer = model.Tokenizer ?? throw new ModelFormatException(modelPath, "the file has no tokenizer vocabulary (tokenizer.ggml.tokens)");
        var promptTokens = tokenizer.Encode(prompt);
        if (promptTokens.Count == 0)
        {
            throw new ArgumentException("the prompt is empty and the model adds no BOS token", nameof(prompt));
        }

        if (promptTokens.Count + count > model.Parameters.ContextLength)
        {
            throw new ArgumentException(
                $"prompt ({promptTokens.Count} tokens) + {count} generated exceed the model's context of {model.Parameters.ContextLength}", nameof(count));
        }

        using var context = new KernelContext(threads);
        var session = new LlamaSession(model, context, promptTokens.Count + Math.Max(count, 1));
        var generated = GreedyGenerator.Generate(session, promptTokens, count, tokenizer.Special.Eos);
        return new GenerationResult(WeightPrecisions.Name(precision), promptTokens, generated, tokenizer.Decode(generated));
    }
}
