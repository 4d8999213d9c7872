using Measure.Kernels.Dispatch;
using Measure.Kernels.Threading;
using Measure.Kernels.Transformer;

namespace Measure.Workloads.Llm.Model;

/// <summary>
/// One running conversation with a model: its KV cache, scratch buffers and position. Feed tokens
/// with <see cref="Prefill"/> (a prompt) and <see cref="Decode"/> (one generated token); each returns
/// the logits of the next token. Not thread-safe: one session per caller.
/// </summary>
public sealed class LlamaSession
{
    private readonly LlamaModel _model;
    private readonly KernelContext _context;
    private readonly KvCache _cache;
    private readonly float[] _x, _normed, _query, _key, _value, _attention, _projected, _gate, _up, _logits, _scores;

    public LlamaSession(LlamaModel model, KernelContext context, int contextLength, KvCachePrecision cachePrecision = KvCachePrecision.F32)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _context = context ?? throw new ArgumentNullException(nameof(context));
        var p = model.Parameters;
        if (contextLength <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(contextLength), contextLength, "must be positive");
        }

        _cache = new KvCache(p.BlockCount, contextLength, p.KvHeadCount, p.HeadDimension, cachePrecision);
        _x = new float[p.EmbeddingLength];
        _normed = new float[p.EmbeddingLength];
        _query = new float[p.EmbeddingLength];
        _key = new float[p.KvDimension];
        _value = new float[p.KvDimension];
        _attention = new float[p.EmbeddingLength];
        _projected = new float[p.EmbeddingLength];
        _gate = new float[p.FeedForwardLength];
        _up = new float[p.FeedForwardLength];
        _logits = new float[p.VocabularySize];
        _scores = new float[contextLength];
    }

    /// <summary>Tokens already in the cache: the position of the next token.</summary>
    public int Position { get; private set; }

    public int ContextLength => _cache.ContextLength;

    public KvCache Cache => _cache;

    /// <summary>Forgets the conversation (the cache is overwritten from position 0).</summary>
    public void Reset() => Position = 0;

    /// <summary>Runs the prompt through the model; returns the logits after its last token.</summary>
    public ReadOnlySpan<float> Prefill(IReadOnlyList<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            throw new ArgumentException("the prompt has no tokens", nameof(tokens));
        }

        foreach (var token in tokens)
        {
            Step(token);
        }

        return _logits;
    }

    /// <summary>Feeds one token; returns the logits of the next.</summary>
    public ReadOnlySpan<float> Decode(int token)
    {
        Step(token);
        return _logits;
    }

    private void Step(int token)
    {
        var p = _model.Parameters;
        var w = _model.Weights;
        if ((uint)token >= (uint)p.VocabularySize)
        {
            throw new ArgumentOutOfRangeException(nameof(token), token, $"token outside the vocabulary of {p.VocabularySize}");
        }

        if (Position >= _cache.ContextLength)
        {
            throw new InvalidOperationException($"the session's context of {_cache.ContextLength} tokens is full");
        }

        var isa = _context.Isa;
        int position = Position;
        w.TokenEmbedding.ReadRow(token, _x);
        for (int layer = 0; layer < w.Layers.Count; layer++)
        {
            var l = w.Layers[layer];
            RmsNorm.Apply(isa, _x, l.AttentionNorm, p.RmsNormEpsilon, _normed);
            l.Query.Multiply(_context, _normed, _query);
            l.Key.Multiply(_context, _normed, _key);
            l.Value.Multiply(_context, _normed, _value);
            RotaryEmbedding.Apply(_query, p.HeadDimension, position, p.RopeFrequencyBase);
            RotaryEmbedding.Apply(_key, p.HeadDimension, position, p.RopeFrequencyBase);
            _cache.Store(layer, position, _key, _value);
            Attention.Attend(isa, _cache, layer, _query, p.HeadCount, position + 1, _attention, _scores);
            l.AttentionOutput.Multiply(_context, _attention, _projected);
            AddInPlace(_x, _projected);

            RmsNorm.Apply(isa, _x, l.FeedForwardNorm, p.RmsNormEpsilon, _normed);
            l.Gate.Multiply(_context, _normed, _gate);
            l.Up.Multiply(_context, _normed, _up);
            SwiGlu.ApplyInPlace(_gate, _up);
            l.Down.Multiply(_context, _gate, _projected);
            AddInPlace(_x, _projected);
        }

        RmsNorm.Apply(isa, _x, w.OutputNorm, p.RmsNormEpsilon, _normed);
        w.Output.Multiply(_context, _normed, _logits);
        Position = position + 1;
    }

    private static void AddInPlace(Span<float> x, ReadOnlySpan<float> delta)
    {
        for (int i = 0; i < x.Length; i++)
        {
            x[i] += delta[i];
        }
    }
}
