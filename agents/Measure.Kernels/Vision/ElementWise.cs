using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Threading;

namespace Measure.Kernels.Vision;

/// <summary>Element-wise operations (residual add, scaling, activations). Destination may alias a source.</summary>
public static class ElementWise
{
    /// <summary>dst = a + b.</summary>
    public static void Add(KernelContext context, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination) =>
        Binary(context, a, b, destination, multiply: false);

    /// <summary>dst = a * b.</summary>
    public static void Multiply(KernelContext context, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination) =>
        Binary(context, a, b, destination, multiply: true);

    /// <summary>dst = min(max(x, 0), 6) (MobileNet's activation).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Relu6(KernelContext context, ReadOnlySpan<float> x, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(context);
        Shape.EnsureSameLength(x.Length, destination.Length, nameof(destination));
        int i = 0;
        if (context.Isa != KernelIsa.Scalar)
        {
            var zero = Vector128<float>.Zero;
            var six = Vector128.Create(6f);
            for (; i + 4 <= x.Length; i += 4)
            {
                Vector128.Min(Vector128.Max(Vector128.Create(x.Slice(i, 4)), zero), six).CopyTo(destination.Slice(i, 4));
            }
        }

        for (; i < x.Length; i++)
        {
            destination[i] = Math.Min(Math.Max(x[i], 0f), 6f);
        }
    }

    /// <summary>GELU, tanh form: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))); within 1e-3 of the erf form.</summary>
    public static void Gelu(KernelContext context, ReadOnlySpan<float> x, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(context);
        Shape.EnsureSameLength(x.Length, destination.Length, nameof(destination));
        const float SqrtTwoOverPi = 0.7978845608f;
        for (int i = 0; i < x.Length; i++)
        {
            float v = x[i];
            destination[i] = 0.5f * v * (1f + MathF.Tanh(SqrtTwoOverPi * (v + (0.044715f * v * v * v))));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Binary(KernelContext context, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination, bool multiply)
    {
        ArgumentNullException.ThrowIfNull(context);
        Shape.EnsureSameLength(a.Length, b.Length, nameof(b));
        Shape.EnsureSameLength(a.Length, destination.Length, nameof(destination));
        int i = 0;
        if (context.Isa is KernelIsa.Avx2 or KernelIsa.Avx512)
        {
            for (; i + 8 <= a.Length; i += 8)
            {
                var x = Vector256.Create(a.Slice(i, 8));
                var y = Vector256.Create(b.Slice(i, 8));
                (multiply ? x * y : x + y).CopyTo(destination.Slice(i, 8));
            }
        }

        if (context.Isa != KernelIsa.Scalar)
        {
            for (; i + 4 <= a.Length; i += 4)
            {
                var x = Vector128.Create(a.Slice(i, 4));
                var y = Vector128.Create(b.Slice(i, 4));
                (multiply ? x * y : x + y).CopyTo(destination.Slice(i, 4));
            }
        }

        for (; i < a.Length; i++)
        {
            destination[i] = multiply ? a[i] * b[i] : a[i] + b[i];
        }
    }
}
