using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Formats;

namespace Measure.Kernels.Dot;

/// <summary>FP16-weight row dot products with FP32 activations and FP32 accumulation.</summary>
internal static unsafe class F16Dot
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Rows(KernelIsa isa, ushort* weights, int cols, float* x, float* y, int start, int end)
    {
        int row = start;
        switch (isa)
        {
            case KernelIsa.Avx2:
            case KernelIsa.Avx512:
                for (; row + 2 <= end; row += 2)
                {
                    Avx2Two(weights + ((long)row * cols), cols, x, y + row);
                }

                for (; row < end; row++)
                {
                    y[row] = Avx2One(weights + ((long)row * cols), cols, x);
                }

                break;
            case KernelIsa.Vector128:
                for (; row < end; row++)
                {
                    y[row] = Vector128One(weights + ((long)row * cols), cols, x);
                }

                break;
            default:
                for (; row < end; row++)
                {
                    y[row] = ScalarOne(weights + ((long)row * cols), cols, x);
                }

                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float ScalarOne(ushort* w, int cols, float* x)
    {
        float sum = 0f;
        for (int i = 0; i < cols; i++)
        {
            sum = MathF.FusedMultiplyAdd(HalfConversion.ToSingle(w[i]), x[i], sum);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Vector128One(ushort* w, int cols, float* x)
    {
        var acc0 = Vector128<float>.Zero;
        var acc1 = Vector128<float>.Zero;
        int i = 0;
        for (; i + 8 <= cols; i += 8)
        {
            HalfConversion.Load8(w + i, out var low, out var high);
            acc0 = Vector128.FusedMultiplyAdd(low, Vector128.Load(x + i), acc0);
            acc1 = Vector128.FusedMultiplyAdd(high, Vector128.Load(x + i + 4), acc1);
        }

        return Tail(w, x, i, cols, Vector128.Sum(acc0 + acc1));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Avx2One(ushort* w, int cols, float* x)
    {
        var acc0 = Vector256<float>.Zero;
        var acc1 = Vector256<float>.Zero;
        int i = 0;
        for (; i + 16 <= cols; i += 16)
        {
            HalfConversion.Load16(w + i, out var low, out var high);
            acc0 = Fma.MultiplyAdd(low, Avx.LoadVector256(x + i), acc0);
            acc1 = Fma.MultiplyAdd(high, Avx.LoadVector256(x + i + 8), acc1);
        }

        return Tail(w, x, i, cols, F32Dot.Sum(Avx.Add(acc0, acc1)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Avx2Two(ushort* w0, int cols, float* x, float* y)
    {
        ushort* w1 = w0 + cols;
        var a0 = Vector256<float>.Zero;
        var a1 = Vector256<float>.Zero;
        var b0 = Vector256<float>.Zero;
        var b1 = Vector256<float>.Zero;
        int i = 0;
        for (; i + 16 <= cols; i += 16)
        {
            var x0 = Avx.LoadVector256(x + i);
            var x1 = Avx.LoadVector256(x + i + 8);
            HalfConversion.Load16(w0 + i, out var low0, out var high0);
            HalfConversion.Load16(w1 + i, out var low1, out var high1);
            a0 = Fma.MultiplyAdd(low0, x0, a0);
            a1 = Fma.MultiplyAdd(high0, x1, a1);
            b0 = Fma.MultiplyAdd(low1, x0, b0);
            b1 = Fma.MultiplyAdd(high1, x1, b1);
        }

        y[0] = Tail(w0, x, i, cols, F32Dot.Sum(Avx.Add(a0, a1)));
        y[1] = Tail(w1, x, i, cols, F32Dot.Sum(Avx.Add(b0, b1)));
    }

    private static float Tail(ushort* w, float* x, int from, int cols, float sum)
    {
        for (int i = from; i < cols; i++)
        {
            sum = MathF.FusedMultiplyAdd(HalfConversion.ToSingle(w[i]), x[i], sum);
        }

        return sum;
    }
}
