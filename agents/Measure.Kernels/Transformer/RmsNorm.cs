using Measure.Kernels.Dispatch;

namespace Measure.Kernels.Transformer;

/// <summary>RMSNorm as in Llama: y = x / sqrt(mean(x²) + eps) * weight.</summary>
public static class RmsNorm
{
    public static void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> weight, float epsilon, Span<float> y) =>
        Apply(KernelRegistry.Selected, x, weight, epsilon, y);

    public static void Apply(KernelIsa isa, ReadOnlySpan<float> x, ReadOnlySpan<float> weight, float epsilon, Span<float> y)
    {
        Shape.EnsureSameLength(x.Length, weight.Length, nameof(weight));
        Shape.EnsureSameLength(x.Length, y.Length, nameof(y));
        if (x.Length == 0)
        {
            return;
        }

        if (!(epsilon >= 0f))
        {
            throw new ArgumentException($"epsilon must be non-negative, got {epsilon}", nameof(epsilon));
        }

        float mean = VectorMath.Dot(isa, x, x) / x.Length;
        float scale = 1f / MathF.Sqrt(mean + epsilon);
        VectorMath.MultiplyScaled(isa, x, weight, scale, y);
    }
}
