namespace Measure.Kernels.Formats;

/// <summary>FP16 storage (IEEE binary16, round-to-nearest-even) with FP32 compute.</summary>
public static class Fp16
{
    /// <summary>Rounds each float to the nearest FP16 value.</summary>
    public static void Quantize(ReadOnlySpan<float> source, Span<Half> destination)
    {
        Shape.EnsureSameLength(source.Length, destination.Length, nameof(destination));
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = (Half)source[i];
        }
    }

    /// <summary>Widens each FP16 value to float (exact).</summary>
    public static void Dequantize(ReadOnlySpan<Half> source, Span<float> destination)
    {
        Shape.EnsureSameLength(source.Length, destination.Length, nameof(destination));
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = HalfConversion.ToSingle(BitConverter.HalfToUInt16Bits(source[i]));
        }
    }
}
