using Measure.Workloads.Gguf;
using Measure.Workloads.Llm.Tokenization;

namespace Measure.Workloads.Tests.Llm.Tokenization;

public sealed class SentencePieceTokenizerTests
{
    private static readonly Lazy<Tokenizer> Llama = new(() =>
    {
        using var file = GgufFile.Open(Fixtures.TinyQ8);
        return GgufTokenizerLoader.Load(file.Metadata);
    });

    [Fact]
    public void Encode_HelloWorld_MatchesLlamaCppReference()
    {
        Assert.Equal([1, 15043, 3186], Llama.Value.Encode("Hello world"));
    }

    [Fact]
    public void Encode_QuickBrownFox_MatchesLlamaCppReference()
    {
        Assert.Equal(
            [1, 450, 4996, 17354, 1701, 29916, 432, 17204, 975, 278, 17366, 11203, 29889],
            Llama.Value.Encode("The quick brown fox jumps over the lazy dog."));
    }

    [Fact]
    public void Encode_WithoutSpecial_OmitsBos()
    {
        Assert.Equal([15043, 3186], Llama.Value.Encode("Hello world", addSpecial: false));
    }

    [Fact]
    public void Encode_EmptyText_IsJustBos()
    {
        Assert.Equal([1], Llama.Value.Encode(string.Empty));
    }

    [Fact]
    public void Encode_CharacterMissingFromVocabulary_FallsBackToUtf8ByteTokens()
    {
        var ids = Llama.Value.Encode("🦙", addSpecial: false);

        // "▁" then the four UTF-8 bytes F0 9F A6 99 as <0xXX> tokens (ids are byte + 3).
        Assert.Equal([29871, 0xF0 + 3, 0x9F + 3, 0xA6 + 3, 0x99 + 3], ids);
    }

    [Theory]
    [InlineData("Hello world")]
    [InlineData("The quick brown fox jumps over the lazy dog.")]
    [InlineData("Grüße, 世界! 🦙 llamas\nnew line  two spaces")]
    public void Decode_OfEncode_GivesTheTextBackWithTheSpacePrefix(string text)
    {
        var ids = Llama.Value.Encode(text);

        Assert.Equal(" " + text, Llama.Value.Decode(ids));
    }

    [Fact]
    public void Decode_ByteTokensSplitAcrossCalls_JoinOnlyWhenDecodedTogether()
    {
        var ids = Llama.Value.Encode("é", addSpecial: false);

        Assert.Equal(" é", Llama.Value.Decode(ids));
        Assert.Equal("\u2581", Llama.Value.Tokens[29871]);
        Assert.Empty(Llama.Value.Decode([1, 2]));
    }

    [Fact]
    public void Decode_IdOutsideVocabulary_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Llama.Value.Decode([32000]));
    }

    [Fact]
    public void Encode_ToyVocabulary_MergesHighestScoreFirst()
    {
        string[] tokens = ["<unk>", "<s>", "▁", "a", "b", "c", "ab", "bc", "▁a"];
        float[] scores = [0, 0, -1, -1, -1, -1, -5, -2, -9];
        var kinds = tokens.Select((_, i) => i switch { 0 => TokenKind.Unknown, 1 => TokenKind.Control, _ => TokenKind.Normal }).ToArray();
        var tokenizer = new SentencePieceTokenizer(tokens, scores, kinds, new SpecialTokens(1, null, 0, AddBos: true, AddEos: false));

        // "▁abc": "bc" (-2) beats "ab" (-5) and "▁a" (-9); then "▁a" is the only mergeable pair left.
        Assert.Equal([1, 8, 7], tokenizer.Encode("abc"));
        // "x" is neither a token nor spelled by byte tokens: it becomes <unk>.
        Assert.Equal([1, 2, 0], tokenizer.Encode("x"));
    }
}
