using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Formats;

namespace Measure.Kernels.Dot;

/// <summary>
/// Q8_0 GEMM over a block of weight rows, every output in the canonical order of <see cref="Q8_0Dot"/>
/// (so GEMM equals GEMV token by token, on every ISA). AVX2 uses a 4-token x 2-row register tile: each
/// weight block's |w| is computed once and reused by four tokens.
/// </summary>
internal static unsafe class Q8_0Tile
{
    private const int TileTokens = 4;
    private const int TileRows = 2;

    /// <param name="xq">Quantized tokens (Q8_0 rows of <paramref name="blocks"/> blocks).</param>
    /// <param name="xScales">Float scales of every token block, token-major.</param>
    /// <param name="w">Weight row r0 (Q8_0 rows of <paramref name="blocks"/> blocks).</param>
    /// <param name="y">Element (token 0, row r0); tokens are <paramref name="yStride"/> apart.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(KernelIsa isa, byte* xq, float* xScales, int tokens, byte* w, int rowCount, int blocks, float* y, int yStride)
    {
        long rowBytes = (long)blocks * Q8_0.BlockBytes;
        int t = 0;
        if (isa is KernelIsa.Avx2 or KernelIsa.Avx512)
        {
            int fullRows = rowCount - (rowCount % TileRows);
            for (; t + TileTokens <= tokens; t += TileTokens)
            {
                for (int r = 0; r < fullRows; r += TileRows)
                {
                    Avx2Tile(xq + (t * rowBytes), xScales + ((long)t * blocks), rowBytes, w + (r * rowBytes), blocks, y + ((long)t * yStride) + r, yStride);
                }

                for (int r = fullRows; r < rowCount; r++)
                {
                    for (int tt = t; tt < t + TileTokens; tt++)
                    {
                        y[((long)tt * yStride) + r] = One(isa, w + (r * rowBytes), blocks, xq + (tt * rowBytes), xScales + ((long)tt * blocks));
                    }
                }
            }
        }

        for (; t < tokens; t++)
        {
            for (int r = 0; r < rowCount; r++)
            {
                y[((long)t * yStride) + r] = One(isa, w + (r * rowBytes), blocks, xq + (t * rowBytes), xScales + ((long)t * blocks));
            }
        }
    }

    private static float One(KernelIsa isa, byte* w, int blocks, byte* xq, float* xScales)
    {
        float y;
        Q8_0Dot.Rows(isa, w, blocks, xq, xScales, &y, 0, 1);
        return y;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Avx2Tile(byte* xq, float* xScales, long rowBytes, byte* w0, int blocks, float* y, int yStride)
    {
        byte* w1 = w0 + rowBytes;
        Vector256<float> a00 = default, a01 = default, a10 = default, a11 = default;
        Vector256<float> a20 = default, a21 = default, a30 = default, a31 = default;
        for (int b = 0; b < blocks; b++)
        {
            int offset = b * Q8_0.BlockBytes;
            var v0 = Avx.LoadVector256((sbyte*)(w0 + offset + 2));
            var v1 = Avx.LoadVector256((sbyte*)(w1 + offset + 2));
            var m0 = Avx2.Abs(v0).AsSByte();
            var m1 = Avx2.Abs(v1).AsSByte();
            var d0 = Vector256.Create(HalfConversion.ToSingle(Unsafe.ReadUnaligned<ushort>(w0 + offset)));
            var d1 = Vector256.Create(HalfConversion.ToSingle(Unsafe.ReadUnaligned<ushort>(w1 + offset)));
            Pair(xq + offset, xScales[b], v0, m0, d0, v1, m1, d1, ref a00, ref a01);
            Pair(xq + rowBytes + offset, xScales[blocks + b], v0, m0, d0, v1, m1, d1, ref a10, ref a11);
            Pair(xq + (2 * rowBytes) + offset, xScales[(2 * blocks) + b], v0, m0, d0, v1, m1, d1, ref a20, ref a21);
            Pair(xq + (3 * rowBytes) + offset, xScales[(3 * blocks) + b], v0, m0, d0, v1, m1, d1, ref a30, ref a31);
        }

        y[0] = Q8_0Dot.Reduce(a00);
        y[1] = Q8_0Dot.Reduce(a01);
        y[yStride] = Q8_0Dot.Reduce(a10);
        y[yStride + 1] = Q8_0Dot.Reduce(a11);
        y[2 * yStride] = Q8_0Dot.Reduce(a20);
        y[(2 * yStride) + 1] = Q8_0Dot.Reduce(a21);
        y[3 * yStride] = Q8_0Dot.Reduce(a30);
        y[(3 * yStride) + 1] = Q8_0Dot.Reduce(a31);
    }

    // One token against two weight rows for one block; scale = fp32(d_w) * fp32(d_x) exactly as the reference.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pair(
        byte* xb, float xScale, Vector256<sbyte> v0, Vector256<sbyte> m0, Vector256<float> d0,
        Vector256<sbyte> v1, Vector256<sbyte> m1, Vector256<float> d1, ref Vector256<float> acc0, ref Vector256<float> acc1)
    {
        var x = Avx.LoadVector256((sbyte*)(xb + 2));
        var xs = Vector256.Create(xScale);
        var g0 = Groups(m0, Avx2.Sign(x, v0));
        var g1 = Groups(m1, Avx2.Sign(x, v1));
        acc0 = Fma.MultiplyAdd(Avx.ConvertToVector256Single(g0), Avx.Multiply(d0, xs), acc0);
        acc1 = Fma.MultiplyAdd(Avx.ConvertToVector256Single(g1), Avx.Multiply(d1, xs), acc1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Groups(Vector256<sbyte> magnitude, Vector256<sbyte> signed)
    {
        if (AvxVnni.IsSupported)
        {
            return AvxVnni.MultiplyWideningAndAdd(Vector256<int>.Zero, magnitude.AsByte(), signed);
        }

        var pairs = Avx2.MultiplyAddAdjacent(magnitude.AsByte(), signed);
        return Avx2.MultiplyAddAdjacent(pairs, Vector256.Create((short)1));
    }
}
