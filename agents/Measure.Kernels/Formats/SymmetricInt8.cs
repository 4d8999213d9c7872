namespace Measure.Kernels.Formats;

/// <summary>
/// Symmetric int8 quantization for convolutions and NPU-style W8A8: one scale per output channel for
/// weights, one dynamic scale per tensor for activations; value = scale * q with q in [-127, 127].
/// </summary>
public static class SymmetricInt8
{
    /// <summary>Quantizes values with scale = max|v| / 127 and returns the scale (0 for an all-zero input).</summary>
    public static float Quantize(ReadOnlySpan<float> source, Span<sbyte> destination)
    {
        Shape.EnsureSameLength(source.Length, destination.Length, nameof(destination));
        float amax = 0f;
        foreach (float value in source)
        {
            amax = MathF.Max(amax, MathF.Abs(value));
        }

        float scale = amax / 127f;
        float inverse = scale != 0f ? 1f / scale : 0f;
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = (sbyte)Math.Clamp(MathF.Round(source[i] * inverse, MidpointRounding.ToEven), -127f, 127f);
        }

        return scale;
    }

    /// <summary>Per-output-channel weights: each of <paramref name="rows"/> rows of [rows x cols] gets its own scale.</summary>
    public static void QuantizePerChannel(ReadOnlySpan<float> weights, int rows, int cols, Span<sbyte> quantized, Span<float> scales)
    {
        Shape.EnsureMatrix(weights.Length, rows, cols, nameof(weights), nameof(rows), nameof(cols));
        Shape.EnsureSameLength(weights.Length, quantized.Length, nameof(quantized));
        Shape.EnsureVector(scales.Length, rows, nameof(scales), nameof(rows));
        for (int r = 0; r < rows; r++)
        {
            scales[r] = Quantize(weights.Slice(r * cols, cols), quantized.Slice(r * cols, cols));
        }
    }

    /// <summary>Expands per-channel int8 weights back to floats.</summary>
    public static void DequantizePerChannel(ReadOnlySpan<sbyte> quantized, ReadOnlySpan<float> scales, int rows, int cols, Span<float> weights)
    {
        Shape.EnsureMatrix(quantized.Length, rows, cols, nameof(quantized), nameof(rows), nameof(cols));
        Shape.EnsureVector(scales.Length, rows, nameof(scales), nameof(rows));
        Shape.EnsureSameLength(quantized.Length, weights.Length, nameof(weights));
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                weights[(r * cols) + c] = scales[r] * quantized[(r * cols) + c];
            }
        }
    }
}
