using Measure.Kernels.Dispatch;

namespace Measure.Kernels.Transformer;

/// <summary>
/// Causal grouped-query attention of one query position over the cached keys and values: query head h
/// reads KV head h / (heads / kvHeads); scores are scaled by 1/sqrt(headDimension) and softmaxed.
/// </summary>
public static class Attention
{
    /// <summary>
    /// output[heads x headDimension] = attention of <paramref name="query"/> over cache positions
    /// [0, <paramref name="length"/>) of <paramref name="layer"/>; <paramref name="scores"/> is scratch of at least <paramref name="length"/>.
    /// </summary>
    public static void Attend(
        KernelIsa isa, KvCache cache, int layer, ReadOnlySpan<float> query, int headCount, int length, Span<float> output, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (headCount <= 0 || headCount % cache.KvHeadCount != 0)
        {
            throw new ArgumentException($"headCount {headCount} must be a positive multiple of the cache's {cache.KvHeadCount} KV heads", nameof(headCount));
        }

        int d = cache.HeadDimension;
        Shape.EnsureVector(query.Length, headCount * d, nameof(query), "headCount x headDimension");
        Shape.EnsureVector(output.Length, headCount * d, nameof(output), "headCount x headDimension");
        if (length <= 0 || length > cache.ContextLength)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"must be in [1, {cache.ContextLength}]");
        }

        cache.CheckRow(layer, length - 1);
        if (scores.Length < length)
        {
            throw new ArgumentException($"scores has {scores.Length} elements, fewer than the {length} positions attended", nameof(scores));
        }

        int group = headCount / cache.KvHeadCount;
        int kvDim = cache.KvDimension;
        float scale = 1f / MathF.Sqrt(d);
        var s = scores[..length];
        for (int head = 0; head < headCount; head++)
        {
            var q = query.Slice(head * d, d);
            var o = output.Slice(head * d, d);
            int kvOffset = head / group * d;
            o.Clear();
            if (cache.Precision == KvCachePrecision.F32)
            {
                var keys = cache.KeysF32(layer);
                var values = cache.ValuesF32(layer);
                for (int t = 0; t < length; t++)
                {
                    s[t] = VectorMath.Dot(isa, q, keys.Slice((t * kvDim) + kvOffset, d)) * scale;
                }

                Softmax.InPlace(isa, s);
                for (int t = 0; t < length; t++)
                {
                    VectorMath.MultiplyAdd(isa, s[t], values.Slice((t * kvDim) + kvOffset, d), o);
                }
            }
            else
            {
                var keys = cache.KeysF16(layer);
                var values = cache.ValuesF16(layer);
                for (int t = 0; t < length; t++)
                {
                    s[t] = VectorMath.Dot(isa, q, keys.Slice((t * kvDim) + kvOffset, d)) * scale;
                }

                Softmax.InPlace(isa, s);
                for (int t = 0; t < length; t++)
                {
                    VectorMath.MultiplyAdd(isa, s[t], values.Slice((t * kvDim) + kvOffset, d), o);
                }
            }
        }
    }
}
