using Measure.Workloads.Gguf;
using Measure.Workloads.Llm.Tokenization;
using Measure.Workloads.Tests.Gguf;

namespace Measure.Workloads.Tests.Llm.Tokenization;

public sealed class BytePairTokenizerTests
{
    // A toy GPT-2 vocabulary: every single byte-level character, plus merges building "Ġlow", "er", "Ġlower".
    private static readonly string[] Merges = ["Ġ l", "Ġl o", "Ġlo w", "e r", "Ġlow er", "l o"];

    private static (string[] Tokens, TokenKind[] Kinds) Vocabulary()
    {
        var tokens = Enumerable.Range(0, 256).Select(b => ByteLevelAlphabet.Encode((byte)b).ToString())
            .Concat(["Ġl", "Ġlo", "Ġlow", "er", "Ġlower", "lo", "<|begin_of_text|>"]).ToArray();
        var kinds = tokens.Select(t => t.StartsWith("<|", StringComparison.Ordinal) ? TokenKind.Control : TokenKind.Normal).ToArray();
        return (tokens, kinds);
    }

    private static BytePairTokenizer Toy(bool addBos = false)
    {
        var (tokens, kinds) = Vocabulary();
        return new BytePairTokenizer(tokens, Merges, kinds, new SpecialTokens(tokens.Length - 1, null, null, addBos, false));
    }

    [Fact]
    public void ByteLevelAlphabet_SpaceAndNewline_MapToGpt2Characters()
    {
        Assert.Equal('Ġ', ByteLevelAlphabet.Encode((byte)' '));
        Assert.Equal('Ċ', ByteLevelAlphabet.Encode((byte)'\n'));
        Assert.Equal('A', ByteLevelAlphabet.Encode((byte)'A'));
        Assert.Equal(256, Enumerable.Range(0, 256).Select(b => ByteLevelAlphabet.Encode((byte)b)).Distinct().Count());
    }

    [Fact]
    public void Encode_WordsWithListedMerges_UsesTheMergedTokens()
    {
        var tokenizer = Toy();
        tokenizer.TryGetId("Ġlower", out var lower);
        tokenizer.TryGetId("Ġlow", out var low);
        tokenizer.TryGetId("lo", out var lo);

        // "lo" is pre-tokenized alone (no leading space) and merges by the last rule only.
        Assert.Equal([lo, lower, low], tokenizer.Encode("lo lower low"));
    }

    [Fact]
    public void Encode_BosRequested_PutsBosFirst()
    {
        var tokenizer = Toy(addBos: true);

        Assert.Equal(tokenizer.VocabularySize - 1, tokenizer.Encode("lo")[0]);
    }

    [Theory]
    [InlineData("lower and lower, 2024!\n\tdone")]
    [InlineData("Grüße 世界 🦙")]
    public void Decode_OfEncode_RoundTripsAnyText(string text)
    {
        var tokenizer = Toy(addBos: true);

        Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
    }

    [Fact]
    public void Load_Gpt2MetadataFromGguf_BuildsABytePairTokenizer()
    {
        var (tokens, kinds) = Vocabulary();
        var bytes = new GgufBuilder()
            .String("tokenizer.ggml.model", "gpt2").String("tokenizer.ggml.pre", "llama-bpe")
            .Strings("tokenizer.ggml.tokens", tokens).Int32s("tokenizer.ggml.token_type", kinds.Select(k => (int)k).ToArray())
            .Strings("tokenizer.ggml.merges", Merges).UInt32("tokenizer.ggml.bos_token_id", (uint)(tokens.Length - 1))
            .Build();
        var metadata = GgufHeaderParser.Parse(bytes, bytes.Length, "bpe.gguf").Metadata;

        var tokenizer = GgufTokenizerLoader.Load(metadata);

        Assert.IsType<BytePairTokenizer>(tokenizer);
        Assert.True(tokenizer.Special.AddBos);
        Assert.Equal(" lower", tokenizer.Decode(tokenizer.Encode(" lower")));
    }

    [Fact]
    public void Load_UnknownTokenizerModel_ThrowsNamingIt()
    {
        var bytes = new GgufBuilder().String("tokenizer.ggml.model", "rwkv").Strings("tokenizer.ggml.tokens", ["a"]).Build();
        var metadata = GgufHeaderParser.Parse(bytes, bytes.Length, "x.gguf").Metadata;

        var error = Assert.Throws<ModelFormatException>(() => GgufTokenizerLoader.Load(metadata));

        Assert.Contains("unsupported tokenizer model 'rwkv'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MalformedMerge_ThrowsArgumentException()
    {
        var (tokens, kinds) = Vocabulary();

        Assert.Throws<ArgumentException>(() => new BytePairTokenizer(tokens, ["nospace"], kinds, new SpecialTokens(null, null, null, false, false)));
    }
}
