namespace Measure.Kernels.Transformer;

/// <summary>
/// Rotary position embeddings in the Llama (GGUF "normal") layout: within each head, adjacent pairs
/// (x[2i], x[2i+1]) rotate by pos * base^(-2i/d). The angle is stepped by repeated multiplication in
/// float, as llama.cpp does, so both round the same way.
/// </summary>
public static class RotaryEmbedding
{
    /// <summary>Rotates every head of <paramref name="vector"/> ([heads x headDimension]) for <paramref name="position"/>.</summary>
    public static void Apply(Span<float> vector, int headDimension, int position, float frequencyBase)
    {
        if (headDimension <= 0 || headDimension % 2 != 0 || vector.Length % headDimension != 0)
        {
            throw new ArgumentException(
                $"headDimension must be a positive even divisor of the vector length {vector.Length}, got {headDimension}", nameof(headDimension));
        }

        Shape.EnsureNonNegative(position, nameof(position));
        if (!(frequencyBase > 0f))
        {
            throw new ArgumentException($"frequencyBase must be positive, got {frequencyBase}", nameof(frequencyBase));
        }

        int pairs = headDimension / 2;
        Span<float> cos = pairs <= 256 ? stackalloc float[pairs] : new float[pairs];
        Span<float> sin = pairs <= 256 ? stackalloc float[pairs] : new float[pairs];
        float step = MathF.Pow(frequencyBase, -2f / headDimension);
        float theta = position;
        for (int i = 0; i < pairs; i++)
        {
            cos[i] = MathF.Cos(theta);
            sin[i] = MathF.Sin(theta);
            theta *= step;
        }

        for (int head = 0; head < vector.Length; head += headDimension)
        {
            var x = vector.Slice(head, headDimension);
            for (int i = 0; i < pairs; i++)
            {
                float x0 = x[2 * i], x1 = x[(2 * i) + 1];
                x[2 * i] = (x0 * cos[i]) - (x1 * sin[i]);
                x[(2 * i) + 1] = (x0 * sin[i]) + (x1 * cos[i]);
            }
        }
    }
}
