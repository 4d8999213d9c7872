using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Dispatch;

namespace Measure.Kernels.Dot;

/// <summary>FP32 row dot products: y[row] = W[row, :] . x for a row range.</summary>
internal static unsafe class F32Dot
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Rows(KernelIsa isa, float* weights, int cols, float* x, float* y, int start, int end)
    {
        int row = start;
        switch (isa)
        {
            case KernelIsa.Avx2:
            case KernelIsa.Avx512:
                for (; row + 4 <= end; row += 4)
                {
                    Avx2Four(weights + ((long)row * cols), cols, x, y + row);
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
    public static float ScalarOne(float* w, int cols, float* x)
    {
        float sum = 0f;
        for (int i = 0; i < cols; i++)
        {
            sum = MathF.FusedMultiplyAdd(w[i], x[i], sum);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Vector128One(float* w, int cols, float* x)
    {
        var acc0 = Vector128<float>.Zero;
        var acc1 = Vector128<float>.Zero;
        int i = 0;
        for (; i + 8 <= cols; i += 8)
        {
            acc0 = Vector128.FusedMultiplyAdd(Vector128.Load(w + i), Vector128.Load(x + i), acc0);
            acc1 = Vector128.FusedMultiplyAdd(Vector128.Load(w + i + 4), Vector128.Load(x + i + 4), acc1);
        }

        float sum = Vector128.Sum(acc0 + acc1);
        for (; i < cols; i++)
        {
            sum = MathF.FusedMultiplyAdd(w[i], x[i], sum);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Avx2One(float* w, int cols, float* x)
    {
        var acc0 = Vector256<float>.Zero;
        var acc1 = Vector256<float>.Zero;
        int i = 0;
        for (; i + 16 <= cols; i += 16)
        {
            acc0 = Fma.MultiplyAdd(Avx.LoadVector256(w + i), Avx.LoadVector256(x + i), acc0);
            acc1 = Fma.MultiplyAdd(Avx.LoadVector256(w + i + 8), Avx.LoadVector256(x + i + 8), acc1);
        }

        for (; i + 8 <= cols; i += 8)
        {
            acc0 = Fma.MultiplyAdd(Avx.LoadVector256(w + i), Avx.LoadVector256(x + i), acc0);
        }

        float sum = Sum(Avx.Add(acc0, acc1));
        for (; i < cols; i++)
        {
            sum = MathF.FusedMultiplyAdd(w[i], x[i], sum);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Vector256<float> v) => Vector128.Sum(v.GetLower() + v.GetUpper());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Avx2Four(float* w0, int cols, float* x, float* y)
    {
        float* w1 = w0 + cols;
        float* w2 = w1 + cols;
        float* w3 = w2 + cols;
        var acc0 = Vector256<float>.Zero;
        var acc1 = Vector256<float>.Zero;
        var acc2 = Vector256<float>.Zero;
        var acc3 = Vector256<float>.Zero;
        int i = 0;
        for (; i + 8 <= cols; i += 8)
        {
            var xv = Avx.LoadVector256(x + i);
            acc0 = Fma.MultiplyAdd(Avx.LoadVector256(w0 + i), xv, acc0);
            acc1 = Fma.MultiplyAdd(Avx.LoadVector256(w1 + i), xv, acc1);
            acc2 = Fma.MultiplyAdd(Avx.LoadVector256(w2 + i), xv, acc2);
            acc3 = Fma.MultiplyAdd(Avx.LoadVector256(w3 + i), xv, acc3);
        }

        float s0 = Sum(acc0), s1 = Sum(acc1), s2 = Sum(acc2), s3 = Sum(acc3);
        for (; i < cols; i++)
        {
            s0 = MathF.FusedMultiplyAdd(w0[i], x[i], s0);
            s1 = MathF.FusedMultiplyAdd(w1[i], x[i], s1);
            s2 = MathF.FusedMultiplyAdd(w2[i], x[i], s2);
            s3 = MathF.FusedMultiplyAdd(w3[i], x[i], s3);
        }

        y[0] = s0;
        y[1] = s1;
        y[2] = s2;
        y[3] = s3;
    }
}
