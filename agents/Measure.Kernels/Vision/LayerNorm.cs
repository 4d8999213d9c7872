using Measure.Kernels.Threading;

namespace Measure.Kernels.Vision;

/// <summary>Layer normalization over the last dimension of [rows x cols]: y = (x - mean) / sqrt(var + eps) * gamma + beta.</summary>
public static class LayerNorm
{
    /// <summary>Normalizes each row; statistics are accumulated in double so long rows stay accurate.</summary>
    public static void Apply(
        KernelContext context, ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, float epsilon, Span<float> y)
    {
        ArgumentNullException.ThrowIfNull(context);
        Shape.EnsureMatrix(x.Length, rows, cols, nameof(x), nameof(rows), nameof(cols));
        Shape.EnsureVector(gamma.Length, cols, nameof(gamma), nameof(cols));
        Shape.EnsureVector(beta.Length, cols, nameof(beta), nameof(cols));
        Shape.EnsureSameLength(x.Length, y.Length, nameof(y));
        if (!(epsilon >= 0f))
        {
            throw new ArgumentException($"epsilon must be non-negative, got {epsilon}", nameof(epsilon));
        }

        for (int r = 0; r < rows; r++)
        {
            var row = x.Slice(r * cols, cols);
            double sum = 0;
            foreach (float v in row)
            {
                sum += v;
            }

            double mean = sum / cols;
            double squares = 0;
            foreach (float v in row)
            {
                squares += (v - mean) * (v - mean);
            }

            float inverse = (float)(1.0 / Math.Sqrt((squares / cols) + epsilon));
            float center = (float)mean;
            var output = y.Slice(r * cols, cols);
            for (int c = 0; c < cols; c++)
            {
                output[c] = MathF.FusedMultiplyAdd((row[c] - center) * inverse, gamma[c], beta[c]);
            }
        }
    }
}
