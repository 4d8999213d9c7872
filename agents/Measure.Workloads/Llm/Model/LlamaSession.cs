using Measure.Kernels.Linear;
using Measure.Kernels.Threading;
using Measure.Kernels.Transformer;

namespace Measure.Workloads.Llm.Model;

/// <summary>
/// One running conversation with a model: its KV cache, scratch buffers and position. Feed a prompt
/// with <see cref="Prefill"/> (batched: each weight matrix is read once per chunk of up to
/// <see cref="MaxBatch"/> tokens) and generated tokens with <see cref="Decode"/>; both return the
/// logits of the next token. Not thread-safe: one session per caller.
/// </summary>
public sealed class LlamaSession
{
    /// <summary>Prompt tokens processed per pass over the weights.</summary>
    public const int MaxBatch = 32;

    private readonly LlamaModel _model;
    private readonly KernelContext _context;
    private readonly KvCache _cache;
    private float[]? _allLogits;
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
        _x = new float[MaxBatch * p.EmbeddingLength];
        _normed = new float[MaxBatch * p.EmbeddingLength];
        _query = new float[MaxBatch * p.EmbeddingLength];
        _key = new float[MaxBatch * p.KvDimension];
        _value = new float[MaxBatch * p.KvDimension];
        _attention = new float[MaxBatch * p.EmbeddingLength];
        _projected = new float[MaxBatch * p.EmbeddingLength];
        _gate = new float[MaxBatch * p.FeedForwardLength];
        _up = new float[MaxBatch * p.FeedForwardLength];
        _logits = new float[p.VocabularySize];
        _scores = new float[contextLength];
    }

    /// <summary>Tokens already in the cache: the position of the next token.</summary>
    public int Position { get; private set; }

    public int ContextLength => _cache.ContextLength;

    public KvCache Cache => _cache;

    public LlamaModel Model => _model;

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

        var all = tokens.ToArray();
        for (int start = 0; start < all.Length; start += MaxBatch)
        {
            Forward(all.AsSpan(start, Math.Min(MaxBatch, all.Length - start)));
        }

        return _logits;
    }

    /// <summary>Receives the logits that follow token <paramref name="index"/> of an evaluated sequence.</summary>
    public delegate void LogitsCallback(int index, ReadOnlySpan<float> logits);

    /// <summary>
    /// Runs <paramref name="tokens"/> (batched like a prompt) and hands over the logits after every one of
    /// them, for perplexity and teacher-forced accuracy.
    /// </summary>
    public void Evaluate(IReadOnlyList<int> tokens, LogitsCallback onLogits)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(onLogits);
        var all = tokens.ToArray();
        int vocabulary = _model.Parameters.VocabularySize;
        _allLogits ??= new float[MaxBatch * vocabulary];
        for (int start = 0; start < all.Length; start += MaxBatch)
        {
            int n = Math.Min(MaxBatch, all.Length - start);
            Forward(all.AsSpan(start, n), everyPosition: true);
            for (int t = 0; t < n; t++)
            {
                onLogits(start + t, _allLogits.AsSpan(t * vocabulary, vocabulary));
            }
        }
    }

    /// <summary>Feeds one token; returns the logits of the next.</summary>
    public ReadOnlySpan<float> Decode(int token)
    {
        Forward([token]);
        return _logits;
    }

    private void Forward(ReadOnlySpan<int> tokens, bool everyPosition = false)
    {
        var p = _model.Parameters;
        var w = _model.Weights;
        int n = tokens.Length, d = p.EmbeddingLength, kv = p.KvDimension, ff = p.FeedForwardLength;
        foreach (var token in tokens)
        {
            if ((uint)token >= (uint)p.VocabularySize)
            {
                throw new ArgumentOutOfRangeException(nameof(tokens), token, $"token outside the vocabulary of {p.VocabularySize}");
            }
        }

        if (Position + n > _cache.ContextLength)
        {
            throw new InvalidOperationException($"{n} more tokens do not fit the session's context of {_cache.ContextLength} (at {Position})");
        }

        var isa = _context.Isa;
        var x = _x.AsSpan(0, n * d);
        var normed = _normed.AsSpan(0, n * d);
        for (int t = 0; t < n; t++)
        {
            w.TokenEmbedding.ReadRow(tokens[t], x.Slice(t * d, d));
        }

        for (int layer = 0; layer < w.Layers.Count; layer++)
        {
            var l = w.Layers[layer];
            NormRows(x, l.AttentionNorm, normed, n);
            ProjectQueryKeyValue(l, normed, n);
            for (int t = 0; t < n; t++)
            {
                int position = Position + t;
                var query = _query.AsSpan(t * d, d);
                var key = _key.AsSpan(t * kv, kv);
                RotaryEmbedding.Apply(query, p.HeadDimension, position, p.RopeFrequencyBase);
                RotaryEmbedding.Apply(key, p.HeadDimension, position, p.RopeFrequencyBase);
                _cache.Store(layer, position, key, _value.AsSpan(t * kv, kv));
                // Causal: token t sees the cache up to and including its own position.
                Attention.Attend(isa, _cache, layer, query, p.HeadCount, position + 1, _attention.AsSpan(t * d, d), _scores);
            }

            AddProduct(l.AttentionOutput, _attention.AsSpan(0, n * d), n, x);
            NormRows(x, l.FeedForwardNorm, normed, n);
            var hidden = _gate.AsSpan(0, n * ff);
            GatedFeedForwardInput(l, normed, n, hidden);
            AddProduct(l.Down, hidden, n, x);
        }

        if (everyPosition)
        {
            NormRows(x, w.OutputNorm, normed, n);
            w.Output.MultiplyBatch(_context, normed, n, _allLogits.AsSpan(0, n * p.VocabularySize));
            Position += n;
            return;
        }

        // Only the last token's logits are needed: the next token follows it.
        RmsNorm.Apply(isa, x.Slice((n - 1) * d, d), w.OutputNorm, p.RmsNormEpsilon, normed[..d]);
        w.Output.Multiply(_context, normed[..d], _logits);
        Position += n;
    }

    // A decoded token (n = 1) takes the fused Q8_0 kernels: one activation quantization and one thread
    // hand-off for Q, K and V together, gate and up together (gated as they are computed), and the
    // residual adds folded into the output and down products. Same bits as the per-matrix path.
    private void ProjectQueryKeyValue(LlamaLayerWeights l, ReadOnlySpan<float> normed, int n)
    {
        int d = l.Query.Rows, kv = l.Key.Rows;
        if (n == 1 && AllQ8_0(l.Query, l.Key, l.Value))
        {
            FusedGemv.Q8_0(_context, normed,
                new Q8_0Product(l.Query.Bytes, d, _query.AsSpan(0, d)),
                new Q8_0Product(l.Key.Bytes, kv, _key.AsSpan(0, kv)),
                new Q8_0Product(l.Value.Bytes, kv, _value.AsSpan(0, kv)));
            return;
        }

        l.Query.MultiplyBatch(_context, normed, n, _query.AsSpan(0, n * d));
        l.Key.MultiplyBatch(_context, normed, n, _key.AsSpan(0, n * kv));
        l.Value.MultiplyBatch(_context, normed, n, _value.AsSpan(0, n * kv));
    }

    /// <summary>hidden = SiLU(gate x) * (up x) for each of the n token rows of <paramref name="normed"/>.</summary>
    private void GatedFeedForwardInput(LlamaLayerWeights l, ReadOnlySpan<float> normed, int n, Span<float> hidden)
    {
        if (n == 1 && AllQ8_0(l.Gate, l.Up))
        {
            FusedGemv.Q8_0SwiGlu(_context, l.Gate.Bytes, l.Up.Bytes, l.Gate.Rows, normed, hidden);
            return;
        }

        var up = _up.AsSpan(0, hidden.Length);
        l.Gate.MultiplyBatch(_context, normed, n, hidden);
        l.Up.MultiplyBatch(_context, normed, n, up);
        SwiGlu.ApplyInPlace(hidden, up);
    }

    /// <summary>x += input W^T for n token rows (a residual connection).</summary>
    private void AddProduct(WeightMatrix matrix, ReadOnlySpan<float> input, int n, Span<float> x)
    {
        if (n == 1 && matrix.Precision == WeightPrecision.Q8_0)
        {
            FusedGemv.Q8_0(_context, input, new Q8_0Product(matrix.Bytes, matrix.Rows, x, accumulate: true));
            return;
        }

        var projected = _projected.AsSpan(0, x.Length);
        matrix.MultiplyBatch(_context, input, n, projected);
        AddInPlace(x, projected);
    }

    private static bool AllQ8_0(params ReadOnlySpan<WeightMatrix> matrices)
    {
        foreach (var matrix in matrices)
        {
            if (matrix.Precision != WeightPrecision.Q8_0)
            {
                return false;
            }
        }

        return true;
    }

    private void NormRows(ReadOnlySpan<float> x, float[] weight, Span<float> normed, int rows)
    {
        int d = weight.Length;
        for (int t = 0; t < rows; t++)
        {
            RmsNorm.Apply(_context.Isa, x.Slice(t * d, d), weight, _model.Parameters.RmsNormEpsilon, normed.Slice(t * d, d));
        }
    }

    private static void AddInPlace(Span<float> x, ReadOnlySpan<float> delta)
    {
        for (int i = 0; i < x.Length; i++)
        {
            x[i] += delta[i];
        }
    }
}
