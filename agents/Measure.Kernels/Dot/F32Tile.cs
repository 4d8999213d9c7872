using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Dispatch;

namespace Measure.Kernels.Dot;

/// <summary>
/// Float GEMM over a block of weight rows: Y[t, r] (+)= X[t, k0..k0+kLen) . W[r, k0..k0+kLen) for all
/// tokens. AVX2 uses a 4-token x 3-row register tile (12 accumulators, 7 loads per 12 FMAs).
/// </summary>
internal static unsafe class F32Tile
{
    private const int TileTokens = 4;
    private const int TileRows = 3;

    /// <param name="x">Token 0 at column k0; rows of X are <paramref name="xStride"/> apart.</param>
    /// <param name="w">Weight row r0 at column k0; rows are <paramref name="wStride"/> apart.</param>
    /// <param name="y">Element (token 0, row r0); tokens are <paramref name="yStride"/> apart.</param>
    public static void Run(
        KernelIsa isa, float* x, int xStride, int tokens, float* w, int wStride, int rowCount, int kLen, float* y, int yStride, bool accumulate)
    {
        int t = 0;
        if (isa is KernelIsa.Avx2 or KernelIsa.Avx512)
        {
            int fullRows = rowCount - (rowCount % TileRows);
            for (; t + TileTokens <= tokens; t += TileTokens)
            {
                for (int r = 0; r < fullRows; r += TileRows)
                {
                    Avx2Tile(x + ((long)t * xStride), xStride, w + ((long)r * wStride), wStride, kLen, y + ((long)t * yStride) + r, yStride, accumulate);
                }

                for (int r = fullRows; r < rowCount; r++)
                {
                    for (int tt = t; tt < t + TileTokens; tt++)
                    {
                        Store(y + ((long)tt * yStride) + r, F32Dot.Avx2One(w + ((long)r * wStride), kLen, x + ((long)tt * xStride)), accumulate);
                    }
                }
            }
        }

        for (; t < tokens; t++)
        {
            for (int r = 0; r < rowCount; r++)
            {
                float* wr = w + ((long)r * wStride);
                float* xt = x + ((long)t * xStride);
                float dot = isa switch
                {
                    KernelIsa.Avx2 or KernelIsa.Avx512 => F32Dot.Avx2One(wr, kLen, xt),
                    KernelIsa.Vector128 => F32Dot.Vector128One(wr, kLen, xt),
                    _ => F32Dot.ScalarOne(wr, kLen, xt),
                };
                Store(y + ((long)t * yStride) + r, dot, accumulate);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* target, float value, bool accumulate) => *target = accumulate ? *target + value : value;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Avx2Tile(float* x, int xStride, float* w, int wStride, int kLen, float* y, int yStride, bool accumulate)
    {
        float* x0 = x, x1 = x + xStride, x2 = x + (2 * xStride), x3 = x + (3 * xStride);
        float* w0 = w, w1 = w + wStride, w2 = w + (2 * wStride);
        Vector256<float> a00 = default, a01 = default, a02 = default;
        Vector256<float> a10 = default, a11 = default, a12 = default;
        Vector256<float> a20 = default, a21 = default, a22 = default;
        Vector256<float> a30 = default, a31 = default, a32 = default;
        int k = 0;
        for (; k + 8 <= kLen; k += 8)
        {
            var v0 = Avx.LoadVector256(w0 + k);
            var v1 = Avx.LoadVector256(w1 + k);
            var v2 = Avx.LoadVector256(w2 + k);
            var u = Avx.LoadVector256(x0 + k);
            a00 = Fma.MultiplyAdd(u, v0, a00);
            a01 = Fma.MultiplyAdd(u, v1, a01);
            a02 = Fma.MultiplyAdd(u, v2, a02);
            u = Avx.LoadVector256(x1 + k);
            a10 = Fma.MultiplyAdd(u, v0, a10);
            a11 = Fma.MultiplyAdd(u, v1, a11);
            a12 = Fma.MultiplyAdd(u, v2, a12);
            u = Avx.LoadVector256(x2 + k);
            a20 = Fma.MultiplyAdd(u, v0, a20);
            a21 = Fma.MultiplyAdd(u, v1, a21);
            a22 = Fma.MultiplyAdd(u, v2, a22);
            u = Avx.LoadVector256(x3 + k);
            a30 = Fma.MultiplyAdd(u, v0, a30);
            a31 = Fma.MultiplyAdd(u, v1, a31);
            a32 = Fma.MultiplyAdd(u, v2, a32);
        }

        Finish(y, a00, a01, a02, x0, w0, w1, w2, k, kLen, accumulate);
        Finish(y + yStride, a10, a11, a12, x1, w0, w1, w2, k, kLen, accumulate);
        Finish(y + (2 * yStride), a20, a21, a22, x2, w0, w1, w2, k, kLen, accumulate);
        Finish(y + (3 * yStride), a30, a31, a32, x3, w0, w1, w2, k, kLen, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(
        float* y, Vector256<float> a0, Vector256<float> a1, Vector256<float> a2, float* x, float* w0, float* w1, float* w2, int k, int kLen, bool accumulate)
    {
        float s0 = F32Dot.Sum(a0), s1 = F32Dot.Sum(a1), s2 = F32Dot.Sum(a2);
        for (; k < kLen; k++)
        {
            s0 = MathF.FusedMultiplyAdd(x[k], w0[k], s0);
            s1 = MathF.FusedMultiplyAdd(x[k], w1[k], s1);
            s2 = MathF.FusedMultiplyAdd(x[k], w2[k], s2);
        }

        Store(y, s0, accumulate);
        Store(y + 1, s1, accumulate);
        Store(y + 2, s2, accumulate);
    }
}
