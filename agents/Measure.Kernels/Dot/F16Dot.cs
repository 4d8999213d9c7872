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

    // Four independent accumulators hide the FMA latency; one row at a time keeps every vector in a
    // register (two rows at once ran out of the 16 ymm registers and spilled accumulators).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Avx2One(ushort* w, int cols, float* x)
    {
        var acc0 = Vector256<float>.Zero;
        var acc1 = Vector256<float>.Zero;
        var acc2 = Vector256<float>.Zero;
        var acc3 = Vector256<float>.Zero;
        int i = 0;
        for (; i + 32 <= cols; i += 32)
        {
            HalfConversion.Load16(w + i, out var low0, out var high0);
            HalfConversion.Load16(w + i + 16, out var low1, out var high1);
            acc0 = Fma.MultiplyAdd(low0, Avx.LoadVector256(x + i), acc0);
            acc1 = Fma.MultiplyAdd(high0, Avx.LoadVector256(x + i + 8), acc1);
            acc2 = Fma.MultiplyAdd(low1, Avx.LoadVector256(x + i + 16), acc2);
            acc3 = Fma.MultiplyAdd(high1, Avx.LoadVector256(x + i + 24), acc3);
        }

        for (; i + 16 <= cols; i += 16)
        {
            HalfConversion.Load16(w + i, out var low, out var high);
            acc0 = Fma.MultiplyAdd(low, Avx.LoadVector256(x + i), acc0);
            acc1 = Fma.MultiplyAdd(high, Avx.LoadVector256(x + i + 8), acc1);
        }

        float sum = F32Dot.Sum(Avx.Add(Avx.Add(acc0, acc1), Avx.Add(acc2, acc3)));
        return Tail(w, x, i, cols, sum);
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
