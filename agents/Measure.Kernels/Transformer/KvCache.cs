namespace Measure.Kernels.Transformer;

/// <summary>
/// Keys and values of every layer for positions [0, <see cref="ContextLength"/>), each row
/// [kvHeads x headDimension]. Rows are written once per position and read by every later query.
/// </summary>
public sealed class KvCache
{
    private readonly float[][]? _keys32;
    private readonly float[][]? _values32;
    private readonly Half[][]? _keys16;
    private readonly Half[][]? _values16;

    public KvCache(int layers, int contextLength, int kvHeadCount, int headDimension, KvCachePrecision precision)
    {
        if (layers <= 0 || contextLength <= 0 || kvHeadCount <= 0 || headDimension <= 0)
        {
            throw new ArgumentException(
                $"layers, contextLength, kvHeadCount and headDimension must be positive, got {layers}, {contextLength}, {kvHeadCount}, {headDimension}",
                nameof(layers));
        }

        Layers = layers;
        ContextLength = contextLength;
        KvHeadCount = kvHeadCount;
        HeadDimension = headDimension;
        Precision = precision;
        long perLayer = (long)contextLength * KvDimension;
        if (perLayer > Array.MaxLength)
        {
            throw new ArgumentException($"a cache layer of {contextLength} x {KvDimension} is too large", nameof(contextLength));
        }

        switch (precision)
        {
            case KvCachePrecision.F32:
                _keys32 = Allocate<float>(layers, (int)perLayer);
                _values32 = Allocate<float>(layers, (int)perLayer);
                break;
            case KvCachePrecision.F16:
                _keys16 = Allocate<Half>(layers, (int)perLayer);
                _values16 = Allocate<Half>(layers, (int)perLayer);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown cache precision");
        }
    }

    public int Layers { get; }

    public int ContextLength { get; }

    public int KvHeadCount { get; }

    public int HeadDimension { get; }

    public int KvDimension => KvHeadCount * HeadDimension;

    public KvCachePrecision Precision { get; }

    /// <summary>Bytes held for keys and values.</summary>
    public long ByteSize => 2L * Layers * ContextLength * KvDimension * (Precision == KvCachePrecision.F32 ? 4 : 2);

    /// <summary>Bytes one query reads from the cache of all layers when it attends to <paramref name="length"/> positions.</summary>
    public long BytesReadFor(int length) => 2L * Layers * length * KvDimension * (Precision == KvCachePrecision.F32 ? 4 : 2);

    /// <summary>Writes the key and value rows of one layer at one position.</summary>
    public void Store(int layer, int position, ReadOnlySpan<float> key, ReadOnlySpan<float> value)
    {
        CheckRow(layer, position);
        Shape.EnsureVector(key.Length, KvDimension, nameof(key), nameof(KvDimension));
        Shape.EnsureVector(value.Length, KvDimension, nameof(value), nameof(KvDimension));
        int start = position * KvDimension;
        if (_keys32 is not null)
        {
            key.CopyTo(_keys32[layer].AsSpan(start, KvDimension));
            value.CopyTo(_values32![layer].AsSpan(start, KvDimension));
        }
        else
        {
            Formats.Fp16.Quantize(key, _keys16![layer].AsSpan(start, KvDimension));
            Formats.Fp16.Quantize(value, _values16![layer].AsSpan(start, KvDimension));
        }
    }

    internal ReadOnlySpan<float> KeysF32(int layer) => _keys32![layer];

    internal ReadOnlySpan<float> ValuesF32(int layer) => _values32![layer];

    internal ReadOnlySpan<Half> KeysF16(int layer) => _keys16![layer];

    internal ReadOnlySpan<Half> ValuesF16(int layer) => _values16![layer];

    internal void CheckRow(int layer, int position)
    {
        if ((uint)layer >= (uint)Layers)
        {
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"the cache has {Layers} layers");
        }

        if ((uint)position >= (uint)ContextLength)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, $"the cache holds {ContextLength} positions");
        }
    }

    private static T[][] Allocate<T>(int layers, int length)
    {
        var arrays = new T[layers][];
        for (int i = 0; i < layers; i++)
        {
            arrays[i] = new T[length];
        }

        return arrays;
    }
}
