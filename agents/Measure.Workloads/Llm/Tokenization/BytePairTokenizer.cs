using System.Text;
using System.Text.RegularExpressions;

namespace Measure.Workloads.Llm.Tokenization;

/// <summary>
/// GPT-2-style byte-level BPE (tokenizer.ggml.model = "gpt2"): the text is split by the model's
/// pre-tokenizer pattern, each piece is spelled in <see cref="ByteLevelAlphabet"/> characters, and
/// adjacent symbols are merged by rank (the order of tokenizer.ggml.merges) until no listed pair remains.
/// </summary>
public sealed class BytePairTokenizer : Tokenizer
{
    /// <summary>GPT-2's pre-tokenizer.</summary>
    public const string Gpt2Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    /// <summary>Llama 3's pre-tokenizer (tokenizer.ggml.pre = "llama-bpe"): case-insensitive contractions, digits in threes.</summary>
    public const string Llama3Pattern =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    private readonly Dictionary<(string Left, string Right), int> _ranks;
    private readonly Regex _preTokenizer;

    public BytePairTokenizer(
        IReadOnlyList<string> tokens, IReadOnlyList<string> merges, IReadOnlyList<TokenKind> kinds, SpecialTokens special, string pattern = Gpt2Pattern)
        : base(tokens, kinds, special)
    {
        ArgumentNullException.ThrowIfNull(merges);
        _ranks = new Dictionary<(string, string), int>(merges.Count);
        for (var rank = 0; rank < merges.Count; rank++)
        {
            var space = merges[rank].IndexOf(' ', 1);
            if (space <= 0 || space == merges[rank].Length - 1)
            {
                throw new ArgumentException($"merge #{rank} '{merges[rank]}' is not two symbols separated by one space", nameof(merges));
            }

            _ranks.TryAdd((merges[rank][..space], merges[rank][(space + 1)..]), rank);
        }

        _preTokenizer = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));
    }

    protected override void EncodeText(string text, List<int> output)
    {
        foreach (Match match in _preTokenizer.Matches(text))
        {
            var spelled = ByteLevelAlphabet.Encode(Encoding.UTF8.GetBytes(match.Value));
            if (TryGetId(spelled, out var whole))
            {
                output.Add(whole);
                continue;
            }

            foreach (var symbol in Merge(spelled))
            {
                EmitSymbol(symbol, output);
            }
        }
    }

    protected override void AppendPieceBytes(int id, List<byte> output)
    {
        if (Kinds[id] == TokenKind.Control)
        {
            return;
        }

        var token = Tokens[id];
        if (Kinds[id] == TokenKind.UserDefined)
        {
            output.AddRange(Encoding.UTF8.GetBytes(token));
            return;
        }

        foreach (var c in token)
        {
            if (ByteLevelAlphabet.TryDecode(c, out var b))
            {
                output.Add(b);
            }
            else
            {
                output.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
    }

    private List<string> Merge(string spelled)
    {
        var symbols = spelled.Select(c => c.ToString()).ToList();
        while (symbols.Count > 1)
        {
            var bestRank = int.MaxValue;
            var bestAt = -1;
            for (var i = 0; i + 1 < symbols.Count; i++)
            {
                if (_ranks.TryGetValue((symbols[i], symbols[i + 1]), out var rank) && rank < bestRank)
                {
                    bestRank = rank;
                    bestAt = i;
                }
            }

            if (bestAt < 0)
            {
                break;
            }

            symbols[bestAt] += symbols[bestAt + 1];
            symbols.RemoveAt(bestAt + 1);
        }

        return symbols;
    }

    private void EmitSymbol(string symbol, List<int> output)
    {
        if (TryGetId(symbol, out var id))
        {
            output.Add(id);
            return;
        }

        foreach (var c in symbol)
        {
            if (TryGetId(c.ToString(), out var single))
            {
                output.Add(single);
            }
            else if (Special.Unknown is { } unknown)
            {
                output.Add(unknown);
            }
            else
            {
                throw new InvalidOperationException($"cannot encode '{c}': the vocabulary has neither it nor an unknown token");
            }
        }
    }
}
