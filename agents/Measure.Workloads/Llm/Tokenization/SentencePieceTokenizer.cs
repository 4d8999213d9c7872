using System.Globalization;
using System.Text;

namespace Measure.Workloads.Llm.Tokenization;

/// <summary>
/// The SentencePiece-style tokenizer of llama-family GGUF files (tokenizer.ggml.model = "llama"):
/// spaces become "▁" and one is prefixed, the text is split into characters, and adjacent pieces are
/// merged greedily by the score of the merged vocabulary entry (highest first, leftmost on ties).
/// Characters the vocabulary lacks fall back to &lt;0xXX&gt; byte tokens.
/// </summary>
public sealed class SentencePieceTokenizer : Tokenizer
{
    private const string SpaceMarker = "\u2581";
    private readonly IReadOnlyList<float> _scores;
    private readonly int[] _byteTokens;
    private readonly bool _addSpacePrefix;

    public SentencePieceTokenizer(
        IReadOnlyList<string> tokens, IReadOnlyList<float> scores, IReadOnlyList<TokenKind> kinds, SpecialTokens special, bool addSpacePrefix = true)
        : base(tokens, kinds, special)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count != tokens.Count)
        {
            throw new ArgumentException($"{scores.Count} scores for {tokens.Count} tokens", nameof(scores));
        }

        _scores = scores;
        _addSpacePrefix = addSpacePrefix;
        _byteTokens = new int[256];
        for (var b = 0; b < 256; b++)
        {
            _byteTokens[b] = TryGetId(string.Create(CultureInfo.InvariantCulture, $"<0x{b:X2}>"), out var id) ? id : -1;
        }
    }

    protected override void EncodeText(string text, List<int> output)
    {
        var escaped = (_addSpacePrefix ? " " + text : text).Replace(" ", SpaceMarker, StringComparison.Ordinal);
        var symbols = SplitIntoCharacters(escaped);
        var queue = new PriorityQueue<Bigram, (float NegativeScore, int Left)>();
        for (var i = 1; i < symbols.Count; i++)
        {
            TryQueue(symbols, i - 1, i, queue);
        }

        while (queue.TryDequeue(out var bigram, out _))
        {
            var left = symbols[bigram.Left];
            var right = symbols[bigram.Right];
            // Skip entries made stale by an earlier merge of either side.
            if (left.Text.Length == 0 || right.Text.Length == 0 || left.Text.Length + right.Text.Length != bigram.Length)
            {
                continue;
            }

            symbols[bigram.Left] = left with { Text = left.Text + right.Text, Next = right.Next };
            symbols[bigram.Right] = right with { Text = string.Empty };
            if (right.Next >= 0)
            {
                symbols[right.Next] = symbols[right.Next] with { Previous = bigram.Left };
            }

            if (left.Previous >= 0)
            {
                TryQueue(symbols, left.Previous, bigram.Left, queue);
            }

            if (right.Next >= 0)
            {
                TryQueue(symbols, bigram.Left, right.Next, queue);
            }
        }

        for (var i = 0; i >= 0 && i < symbols.Count; i = symbols[i].Next)
        {
            Emit(symbols[i].Text, output);
        }
    }

    protected override void AppendPieceBytes(int id, List<byte> output)
    {
        switch (Kinds[id])
        {
            case TokenKind.Normal or TokenKind.Undefined or TokenKind.Unused:
                output.AddRange(Encoding.UTF8.GetBytes(Tokens[id].Replace(SpaceMarker, " ", StringComparison.Ordinal)));
                break;
            case TokenKind.Byte when TryParseByteToken(Tokens[id], out var value):
                output.Add(value);
                break;
            case TokenKind.Unknown:
                output.AddRange("\u2585"u8); // llama.cpp prints unknown tokens as a block character
                break;
            case TokenKind.UserDefined or TokenKind.Byte:
                output.AddRange(Encoding.UTF8.GetBytes(Tokens[id]));
                break;
            default:
                break; // control tokens (BOS, EOS) print as nothing
        }
    }

    private static bool TryParseByteToken(string token, out byte value)
    {
        value = 0;
        return token.Length == 6 && token.StartsWith("<0x", StringComparison.Ordinal) && token[5] == '>' &&
            byte.TryParse(token.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
    }

    private static List<Symbol> SplitIntoCharacters(string text)
    {
        var symbols = new List<Symbol>(text.Length);
        var enumerator = text.EnumerateRunes();
        var offset = 0;
        foreach (var rune in enumerator)
        {
            var count = symbols.Count;
            symbols.Add(new Symbol(text.Substring(offset, rune.Utf16SequenceLength), count - 1, count + 1));
            offset += rune.Utf16SequenceLength;
        }

        if (symbols.Count > 0)
        {
            symbols[^1] = symbols[^1] with { Next = -1 };
        }

        return symbols;
    }

    private void TryQueue(List<Symbol> symbols, int left, int right, PriorityQueue<Bigram, (float, int)> queue)
    {
        var merged = symbols[left].Text + symbols[right].Text;
        if (TryGetId(merged, out var id))
        {
            queue.Enqueue(new Bigram(left, right, merged.Length), (-_scores[id], left));
        }
    }

    private void Emit(string piece, List<int> output)
    {
        if (TryGetId(piece, out var id))
        {
            output.Add(id);
            return;
        }

        // Only single characters can be missing (merges only make vocabulary entries): spell them in bytes.
        foreach (var b in Encoding.UTF8.GetBytes(piece))
        {
            var byteToken = _byteTokens[b];
            if (byteToken >= 0)
            {
                output.Add(byteToken);
            }
            else if (Special.Unknown is { } unknown)
            {
                output.Add(unknown);
            }
            else
            {
                throw new InvalidOperationException($"cannot encode byte 0x{b:X2}: the vocabulary has no byte token and no unknown token");
            }
        }
    }

    private readonly record struct Symbol(string Text, int Previous, int Next);

    private readonly record struct Bigram(int Left, int Right, int Length);
}
