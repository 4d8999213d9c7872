using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Formats;

namespace Measure.Kernels.Transformer;

/// <summary>
/// The few vector primitives the transformer ops are built from, each as one 256-bit path (AVX2 and
/// wider families), one portable 128-bit path and the scalar reference, chosen by <see cref="KernelIsa"/>.
/// Callers check lengths; these assume equal-length operands.
/// </summary>
internal static class VectorMath
{
    public static float Dot(KernelIsa isa, ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        int n = a.Length, i = 0;
        float sum = 0f;
        if (isa >= KernelIsa.Avx2 && Vector256.IsHardwareAccelerated)
        {
            var acc = Vector256<float>.Zero;
            for (; i + 8 <= n; i += 8)
            {
                acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref ra, (nuint)i), Vector256.LoadUnsafe(ref rb, (nuint)i), acc);
            }

            sum = Vector256.Sum(acc);
        }
        else if (isa >= KernelIsa.Vector128 && Vector128.IsHardwareAccelerated)
        {
            var acc = Vector128<float>.Zero;
            for (; i + 4 <= n; i += 4)
            {
                acc += Vector128.LoadUnsafe(ref ra, (nuint)i) * Vector128.LoadUnsafe(ref rb, (nuint)i);
            }

            sum = Vector128.Sum(acc);
        }

        for (; i < n; i++)
        {
            sum += Unsafe.Add(ref ra, i) * Unsafe.Add(ref rb, i);
        }

        return sum;
    }

    public static unsafe float Dot(KernelIsa isa, ReadOnlySpan<float> a, ReadOnlySpan<Half> b)
    {
        int n = a.Length, i = 0;
        float sum = 0f;
        fixed (float* pa = a)
        fixed (Half* pbHalf = b)
        {
            var pb = (ushort*)pbHalf;
            if (isa >= KernelIsa.Avx2 && System.Runtime.Intrinsics.X86.Avx2.IsSupported)
            {
                var acc = Vector256<float>.Zero;
                for (; i + 16 <= n; i += 16)
                {
                    HalfConversion.Load16(pb + i, out var low, out var high);
                    acc = Vector256.FusedMultiplyAdd(Vector256.Load(pa + i), low, acc);
                    acc = Vector256.FusedMultiplyAdd(Vector256.Load(pa + i + 8), high, acc);
                }

                sum = Vector256.Sum(acc);
            }
            else if (isa >= KernelIsa.Vector128 && Vector128.IsHardwareAccelerated)
            {
                var acc = Vector128<float>.Zero;
                for (; i + 8 <= n; i += 8)
                {
                    HalfConversion.Load8(pb + i, out var low, out var high);
                    acc += (Vector128.Load(pa + i) * low) + (Vector128.Load(pa + i + 4) * high);
                }

                sum = Vector128.Sum(acc);
            }

            for (; i < n; i++)
            {
                sum += pa[i] * HalfConversion.ToSingle(pb[i]);
            }
        }

        return sum;
    }

    /// <summary>y += alpha * x.</summary>
    public static void MultiplyAdd(KernelIsa isa, float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        ref var rx = ref MemoryMarshal.GetReference(x);
        ref var ry = ref MemoryMarshal.GetReference(y);
        int n = x.Length, i = 0;
        if (isa >= KernelIsa.Avx2 && Vector256.IsHardwareAccelerated)
        {
            var a = Vector256.Create(alpha);
            for (; i + 8 <= n; i += 8)
            {
                Vector256.FusedMultiplyAdd(a, Vector256.LoadUnsafe(ref rx, (nuint)i), Vector256.LoadUnsafe(ref ry, (nuint)i)).StoreUnsafe(ref ry, (nuint)i);
            }
        }
        else if (isa >= KernelIsa.Vector128 && Vector128.IsHardwareAccelerated)
        {
            var a = Vector128.Create(alpha);
            for (; i + 4 <= n; i += 4)
            {
                ((a * Vector128.LoadUnsafe(ref rx, (nuint)i)) + Vector128.LoadUnsafe(ref ry, (nuint)i)).StoreUnsafe(ref ry, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref ry, i) += alpha * Unsafe.Add(ref rx, i);
        }
    }

    /// <summary>y += alpha * x with x stored as FP16.</summary>
    public static unsafe void MultiplyAdd(KernelIsa isa, float alpha, ReadOnlySpan<Half> x, Span<float> y)
    {
        int n = x.Length, i = 0;
        fixed (Half* pxHalf = x)
        fixed (float* py = y)
        {
            var px = (ushort*)pxHalf;
            if (isa >= KernelIsa.Avx2 && System.Runtime.Intrinsics.X86.Avx2.IsSupported)
            {
                var a = Vector256.Create(alpha);
                for (; i + 16 <= n; i += 16)
                {
                    HalfConversion.Load16(px + i, out var low, out var high);
                    Vector256.FusedMultiplyAdd(a, low, Vector256.Load(py + i)).Store(py + i);
                    Vector256.FusedMultiplyAdd(a, high, Vector256.Load(py + i + 8)).Store(py + i + 8);
                }
            }
            else if (isa >= KernelIsa.Vector128 && Vector128.IsHardwareAccelerated)
            {
                var a = Vector128.Create(alpha);
                for (; i + 8 <= n; i += 8)
                {
                    HalfConversion.Load8(px + i, out var low, out var high);
                    ((a * low) + Vector128.Load(py + i)).Store(py + i);
                    ((a * high) + Vector128.Load(py + i + 4)).Store(py + i + 4);
                }
            }

            for (; i < n; i++)
            {
                py[i] += alpha * HalfConversion.ToSingle(px[i]);
            }
        }
    }

    /// <summary>y[i] = x[i] * w[i] * scale.</summary>
    public static void MultiplyScaled(KernelIsa isa, ReadOnlySpan<float> x, ReadOnlySpan<float> w, float scale, Span<float> y)
    {
        ref var rx = ref MemoryMarshal.GetReference(x);
        ref var rw = ref MemoryMarshal.GetReference(w);
        ref var ry = ref MemoryMarshal.GetReference(y);
        int n = x.Length, i = 0;
        if (isa >= KernelIsa.Avx2 && Vector256.IsHardwareAccelerated)
        {
            var s = Vector256.Create(scale);
            for (; i + 8 <= n; i += 8)
            {
                (Vector256.LoadUnsafe(ref rx, (nuint)i) * s * Vector256.LoadUnsafe(ref rw, (nuint)i)).StoreUnsafe(ref ry, (nuint)i);
            }
        }
        else if (isa >= KernelIsa.Vector128 && Vector128.IsHardwareAccelerated)
        {
            var s = Vector128.Create(scale);
            for (; i + 4 <= n; i += 4)
            {
                (Vector128.LoadUnsafe(ref rx, (nuint)i) * s * Vector128.LoadUnsafe(ref rw, (nuint)i)).StoreUnsafe(ref ry, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref ry, i) = Unsafe.Add(ref rx, i) * scale * Unsafe.Add(ref rw, i);
        }
    }

    public static float Max(KernelIsa isa, ReadOnlySpan<float> x)
    {
        ref var rx = ref MemoryMarshal.GetReference(x);
        int n = x.Length, i = 0;
        float max = float.NegativeInfinity;
        if (isa >= KernelIsa.Avx2 && Vector256.IsHardwareAccelerated && n >= 8)
        {
            var acc = Vector256.Create(float.NegativeInfinity);
            for (; i + 8 <= n; i += 8)
            {
                acc = Vector256.Max(acc, Vector256.LoadUnsafe(ref rx, (nuint)i));
            }

            for (int lane = 0; lane < 8; lane++)
            {
                max = MathF.Max(max, acc[lane]);
            }
        }

        for (; i < n; i++)
        {
            max = MathF.Max(max, Unsafe.Add(ref rx, i));
        }

        return max;
    }
}
