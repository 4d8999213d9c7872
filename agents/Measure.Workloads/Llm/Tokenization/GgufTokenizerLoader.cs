using Measure.Workloads.Gguf;

namespace Measure.Workloads.Llm.Tokenization;

/// <summary>Builds the tokenizer a GGUF file describes in its tokenizer.ggml.* metadata.</summary>
public static class GgufTokenizerLoader
{
    public static Tokenizer Load(GgufMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var model = metadata.GetString("tokenizer.ggml.model");
        var tokens = metadata.GetArray<string>("tokenizer.ggml.tokens");
        var kinds = ReadKinds(metadata, tokens.Length);
        var bos = ReadId(metadata, "tokenizer.ggml.bos_token_id", tokens.Length);
        var eos = ReadId(metadata, "tokenizer.ggml.eos_token_id", tokens.Length);
        var unknown = ReadId(metadata, "tokenizer.ggml.unknown_token_id", tokens.Length);
        var pre = metadata.GetStringOrNull("tokenizer.ggml.pre") ?? "default";
        switch (model)
        {
            case "llama":
                var scores = metadata.GetArrayOrNull<float>("tokenizer.ggml.scores") ?? new float[tokens.Length];
                if (scores.Length != tokens.Length)
                {
                    throw new ModelFormatException(metadata.FilePath, $"tokenizer.ggml.scores has {scores.Length} entries for {tokens.Length} tokens");
                }

                var spmSpecial = new SpecialTokens(
                    bos, eos, unknown ?? 0, metadata.GetBoolOrNull("tokenizer.ggml.add_bos_token") ?? true, metadata.GetBoolOrNull("tokenizer.ggml.add_eos_token") ?? false);
                return new SentencePieceTokenizer(tokens, scores, kinds, spmSpecial, metadata.GetBoolOrNull("tokenizer.ggml.add_space_prefix") ?? true);
            case "gpt2":
                var merges = metadata.GetArray<string>("tokenizer.ggml.merges");
                var isLlama3 = pre is "llama-bpe" or "llama3" or "llama-v3";
                var bpeSpecial = new SpecialTokens(
                    bos, eos, unknown, metadata.GetBoolOrNull("tokenizer.ggml.add_bos_token") ?? isLlama3, metadata.GetBoolOrNull("tokenizer.ggml.add_eos_token") ?? false);
                try
                {
                    return new BytePairTokenizer(tokens, merges, kinds, bpeSpecial, isLlama3 ? BytePairTokenizer.Llama3Pattern : BytePairTokenizer.Gpt2Pattern);
                }
                catch (ArgumentException e)
                {
                    throw new ModelFormatException(metadata.FilePath, $"tokenizer.ggml.merges: {e.Message}", e);
                }

            default:
                throw new ModelFormatException(metadata.FilePath, $"unsupported tokenizer model '{model}'; supported: llama (SentencePiece), gpt2 (BPE)");
        }
    }

    private static TokenKind[] ReadKinds(GgufMetadata metadata, int count)
    {
        var raw = metadata.GetArrayOrNull<int>("tokenizer.ggml.token_type");
        if (raw is null)
        {
            return Enumerable.Repeat(TokenKind.Normal, count).ToArray();
        }

        if (raw.Length != count)
        {
            throw new ModelFormatException(metadata.FilePath, $"tokenizer.ggml.token_type has {raw.Length} entries for {count} tokens");
        }

        return raw.Select(k => k is >= 0 and <= 6 ? (TokenKind)k : TokenKind.Normal).ToArray();
    }

    private static int? ReadId(GgufMetadata metadata, string key, int vocabularySize)
    {
        var id = metadata.GetIntegerOrNull(key);
        // llama.cpp writes -1 (as uint32 0xFFFFFFFF) for "none".
        return id is null or < 0 or 0xFFFFFFFF ? null :
            id < vocabularySize ? (int)id : throw new ModelFormatException(metadata.FilePath, $"{key} is {id}, outside the vocabulary of {vocabularySize}");
    }
}
