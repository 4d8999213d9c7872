using Measure.Kernels.Threading;
using Measure.Kernels.Transformer;
using Measure.Workloads.Llm.Model;

namespace Measure.Workloads.Tests.Llm.Model;

/// <summary>
/// The decoder forward pass written plainly, one kernel call per operation and one matrix at a time,
/// as the session computed it before its decode step was fused. Sessions must produce exactly the
/// logits this produces: fusing and threading may change the speed, never a bit.
/// </summary>
internal sealed class ReferenceForward
{
    private readonly LlamaModel _model;
    private readonly KernelContext _context;
    private readonly KvCache _cache;

    public ReferenceForward(LlamaModel model, KernelContext context, int contextLength, KvCachePrecision cachePrecision = KvCachePrecision.F32)
    {
        _model = model;
        _context = context;
        var p = model.Parameters;
        _cache = new KvCache(p.BlockCount, contextLength, p.KvHeadCount, p.HeadDimension, cachePrecision);
    }

    public int Position { get; private set; }

    /// <summary>Runs the tokens (a batch through the GEMM path when more than one) and returns the last token's logits.</summary>
    public float[] Forward(int[] tokens)
    {
        var p = _model.Parameters;
        var w = _model.Weights;
        var isa = _context.Isa;
        int n = tokens.Length, d = p.EmbeddingLength, kv = p.KvDimension, ff = p.FeedForwardLength;
        var x = new float[n * d];
        var normed = new float[n * d];
        var query = new float[n * d];
        var key = new float[n * kv];
        var value = new float[n * kv];
        var attention = new float[n * d];
        var projected = new float[n * d];
        var gate = new float[n * ff];
        var up = new float[n * ff];
        var scores = new float[_cache.ContextLength];
        for (int t = 0; t < n; t++)
        {
            w.TokenEmbedding.ReadRow(tokens[t], x.AsSpan(t * d, d));
        }

        foreach (var (l, layer) in w.Layers.Select((l, i) => (l, i)))
        {
            Norm(x, l.AttentionNorm, normed, n);
            l.Query.MultiplyBatch(_context, normed, n, query);
            l.Key.MultiplyBatch(_context, normed, n, key);
            l.Value.MultiplyBatch(_context, normed, n, value);
            for (int t = 0; t < n; t++)
            {
                int position = Position + t;
                RotaryEmbedding.Apply(query.AsSpan(t * d, d), p.HeadDimension, position, p.RopeFrequencyBase);
                RotaryEmbedding.Apply(key.AsSpan(t * kv, kv), p.HeadDimension, position, p.RopeFrequencyBase);
                _cache.Store(layer, position, key.AsSpan(t * kv, kv), value.AsSpan(t * kv, kv));
                Attention.Attend(isa, _cache, layer, query.AsSpan(t * d, d), p.HeadCount, position + 1, attention.AsSpan(t * d, d), scores);
            }

            l.AttentionOutput.MultiplyBatch(_context, attention, n, projected);
            Add(x, projected);
            Norm(x, l.FeedForwardNorm, normed, n);
            l.Gate.MultiplyBatch(_context, normed, n, gate);
            l.Up.MultiplyBatch(_context, normed, n, up);
            SwiGlu.ApplyInPlace(gate, up);
            l.Down.MultiplyBatch(_context, gate, n, projected);
            Add(x, projected);
        }

        var logits = new float[p.VocabularySize];
        RmsNorm.Apply(isa, x.AsSpan((n - 1) * d, d), w.OutputNorm, p.RmsNormEpsilon, normed.AsSpan(0, d));
        w.Output.Multiply(_context, normed.AsSpan(0, d), logits);
        Position += n;
        return logits;
    }

    private void Norm(float[] x, float[] weight, float[] normed, int rows)
    {
        int d = weight.Length;
        for (int t = 0; t < rows; t++)
        {
            RmsNorm.Apply(_context.Isa, x.AsSpan(t * d, d), weight, _model.Parameters.RmsNormEpsilon, normed.AsSpan(t * d, d));
        }
    }

    private static void Add(float[] x, float[] delta)
    {
        for (int i = 0; i < x.Length; i++)
        {
            x[i] += delta[i];
        }
    }
}
