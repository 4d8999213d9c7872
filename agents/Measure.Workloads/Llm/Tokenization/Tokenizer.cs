using System.Text;

namespace Measure.Workloads.Llm.Tokenization;

/// <summary>
/// Text to token ids and back, with the model's own vocabulary. Subclasses implement one algorithm
/// (SentencePiece-style or GPT-2 byte-level BPE); the special-token rules (BOS first when the model's
/// metadata asks, control tokens print as nothing) live here once.
/// </summary>
public abstract class Tokenizer
{
    private readonly Dictionary<string, int> _ids;

    protected Tokenizer(IReadOnlyList<string> tokens, IReadOnlyList<TokenKind> kinds, SpecialTokens special)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(special);
        if (kinds.Count != tokens.Count)
        {
            throw new ArgumentException($"{kinds.Count} token kinds for {tokens.Count} tokens", nameof(kinds));
        }

        Tokens = tokens;
        Kinds = kinds;
        Special = special;
        _ids = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        for (var id = 0; id < tokens.Count; id++)
        {
            // The first occurrence wins, as in llama.cpp, when a vocabulary lists a string twice.
            _ids.TryAdd(tokens[id], id);
        }
    }

    public IReadOnlyList<string> Tokens { get; }

    public IReadOnlyList<TokenKind> Kinds { get; }

    public SpecialTokens Special { get; }

    public int VocabularySize => Tokens.Count;

    /// <summary>Token ids of <paramref name="text"/>, BOS first when <paramref name="addSpecial"/> and the model asks for it.</summary>
    public IReadOnlyList<int> Encode(string text, bool addSpecial = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length / 3 + 2);
        if (addSpecial && Special.AddBos && Special.Bos is { } bos)
        {
            ids.Add(bos);
        }

        if (text.Length > 0)
        {
            EncodeText(text, ids);
        }

        if (addSpecial && Special.AddEos && Special.Eos is { } eos)
        {
            ids.Add(eos);
        }

        return ids;
    }

    /// <summary>The text of <paramref name="ids"/>; bytes of byte-level tokens are joined before UTF-8 decoding.</summary>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var bytes = new List<byte>();
        foreach (var id in ids)
        {
            AppendPieceBytes(CheckedId(id), bytes);
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>The bytes one token stands for (what a streaming printer appends).</summary>
    public byte[] PieceBytes(int id)
    {
        var bytes = new List<byte>();
        AppendPieceBytes(CheckedId(id), bytes);
        return [.. bytes];
    }

    public bool TryGetId(string token, out int id) => _ids.TryGetValue(token, out id);

    protected abstract void EncodeText(string text, List<int> output);

    protected abstract void AppendPieceBytes(int id, List<byte> output);

    private int CheckedId(int id) =>
        (uint)id < (uint)Tokens.Count ? id : throw new ArgumentOutOfRangeException(nameof(id), id, $"token id outside the vocabulary of {Tokens.Count}");
}
