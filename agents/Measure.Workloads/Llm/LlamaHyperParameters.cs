using Measure.Workloads.Gguf;

namespace Measure.Workloads.Llm;

/// <summary>
/// The shape of a Llama-family decoder: what the forward pass allocates and loops over.
/// Head size is <see cref="EmbeddingLength"/> / <see cref="HeadCount"/>; grouped-query attention
/// shares each KV head between <see cref="HeadCount"/> / <see cref="KvHeadCount"/> query heads.
/// </summary>
public sealed record LlamaHyperParameters(
    int EmbeddingLength,
    int FeedForwardLength,
    int BlockCount,
    int HeadCount,
    int KvHeadCount,
    int ContextLength,
    int VocabularySize,
    float RopeFrequencyBase,
    float RmsNormEpsilon)
{
    public int HeadDimension => EmbeddingLength / HeadCount;

    public int KvDimension => HeadDimension * KvHeadCount;

    /// <summary>Parameters in the matrices and norms (embedding and output counted separately, as stored).</summary>
    public long ParameterCount(bool tiedOutput = false)
    {
        long d = EmbeddingLength;
        var perBlock = d * d * 2 + d * KvDimension * 2 + 3 * d * FeedForwardLength + 2 * d;
        return (long)VocabularySize * d * (tiedOutput ? 1 : 2) + d + BlockCount * perBlock;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistent field.</summary>
    public LlamaHyperParameters Validate()
    {
        Require(EmbeddingLength > 0, nameof(EmbeddingLength), "must be positive");
        Require(FeedForwardLength > 0, nameof(FeedForwardLength), "must be positive");
        Require(BlockCount > 0, nameof(BlockCount), "must be positive");
        Require(HeadCount > 0 && EmbeddingLength % HeadCount == 0, nameof(HeadCount), $"must divide the embedding length {EmbeddingLength}");
        Require(HeadDimension % 2 == 0, nameof(HeadCount), $"gives an odd head size {HeadDimension}; rotary embeddings need pairs");
        Require(KvHeadCount > 0 && HeadCount % KvHeadCount == 0, nameof(KvHeadCount), $"must divide the head count {HeadCount}");
        Require(ContextLength > 0, nameof(ContextLength), "must be positive");
        Require(VocabularySize > 0, nameof(VocabularySize), "must be positive");
        Require(RopeFrequencyBase > 0 && float.IsFinite(RopeFrequencyBase), nameof(RopeFrequencyBase), "must be a positive number");
        Require(RmsNormEpsilon > 0 && float.IsFinite(RmsNormEpsilon), nameof(RmsNormEpsilon), "must be a positive number");
        return this;
    }

    /// <summary>Reads llama.* metadata; anything missing, unknown or inconsistent is a <see cref="ModelFormatException"/>.</summary>
    public static LlamaHyperParameters FromMetadata(GgufMetadata metadata, int? vocabularyFromTensors = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var architecture = metadata.GetString("general.architecture");
        if (architecture != "llama")
        {
            throw new ModelFormatException(metadata.FilePath, $"unknown architecture '{architecture}'; supported: llama");
        }

        int Integer(string key, long? fallback = null)
        {
            var value = metadata.GetIntegerOrNull($"llama.{key}") ?? fallback
                ?? throw new ModelFormatException(metadata.FilePath, $"missing metadata key 'llama.{key}'");
            return value is > 0 and <= int.MaxValue ? (int)value
                : throw new ModelFormatException(metadata.FilePath, $"metadata key 'llama.{key}' is {value}; expected a positive 32-bit integer");
        }

        var heads = Integer("attention.head_count");
        var vocabulary = metadata.GetIntegerOrNull("llama.vocab_size")
            ?? metadata.GetArrayOrNull<string>("tokenizer.ggml.tokens")?.Length
            ?? vocabularyFromTensors
            ?? throw new ModelFormatException(metadata.FilePath, "cannot tell the vocabulary size: no llama.vocab_size and no tokenizer.ggml.tokens");
        var parameters = new LlamaHyperParameters(
            EmbeddingLength: Integer("embedding_length"),
            FeedForwardLength: Integer("feed_forward_length"),
            BlockCount: Integer("block_count"),
            HeadCount: heads,
            KvHeadCount: Integer("attention.head_count_kv", heads),
            ContextLength: Integer("context_length", 2048),
            VocabularySize: (int)vocabulary,
            RopeFrequencyBase: (float)(metadata.GetRealOrNull("llama.rope.freq_base") ?? 10000.0),
            RmsNormEpsilon: (float)(metadata.GetRealOrNull("llama.attention.layer_norm_rms_epsilon") ?? 1e-5));
        try
        {
            parameters.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ModelFormatException(metadata.FilePath, $"inconsistent llama hyper-parameters: {e.Message}", e);
        }

        var ropeDimensions = metadata.GetIntegerOrNull("llama.rope.dimension_count");
        if (ropeDimensions is { } rope && rope != parameters.HeadDimension)
        {
            throw new ModelFormatException(
                metadata.FilePath, $"llama.rope.dimension_count is {rope} but the head size is {parameters.HeadDimension}; partial rotary embeddings are not supported");
        }

        return parameters;
    }

    private static void Require(bool condition, string field, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{field} {problem}", field);
        }
    }
}
