using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Formats;

namespace Measure.Kernels.Dot;

/// <summary>
/// Q8_0 GEMM over a block of weight rows, every output in the canonical order of <see cref="Q8_0Dot"/>
/// (so GEMM equals GEMV token by token, on every ISA). AVX2 uses a 4-token x 1-row register tile: each
/// weight block's |w| and scale are computed once and reused by four tokens.
/// </summary>
internal static unsafe class Q8_0Tile
{
    private const int TileTokens = 4;

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
            for (; t + TileTokens <= tokens; t += TileTokens)
            {
                for (int r = 0; r < rowCount; r++)
                {
                    Avx2Tile(xq + (t * rowBytes), xScales + ((long)t * blocks), rowBytes, w + (r * rowBytes), blocks, y + ((long)t * yStride) + r, yStride);
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

    // One weight row against four tokens: |w|, the row's scale and the weight load are shared by the
    // four tokens; accumulators stay in registers (no ref parameters, which would force them to memory).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Avx2Tile(byte* xq, float* xScales, long rowBytes, byte* w, int blocks, float* y, int yStride)
    {
        byte* x0 = xq, x1 = xq + rowBytes, x2 = xq + (2 * rowBytes), x3 = xq + (3 * rowBytes);
        float* s0 = xScales, s1 = xScales + blocks, s2 = xScales + (2 * blocks), s3 = xScales + (3 * blocks);
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
        for (int b = 0; b < blocks; b++)
        {
            int offset = b * Q8_0.BlockBytes;
            var v = Avx.LoadVector256((sbyte*)(w + offset + 2));
            var m = Avx2.Abs(v).AsSByte();
            var d = Vector256.Create(HalfConversion.ToSingle(Unsafe.ReadUnaligned<ushort>(w + offset)));
            var g = Groups(m, Avx2.Sign(Avx.LoadVector256((sbyte*)(x0 + offset + 2)), v));
            a0 = Fma.MultiplyAdd(Avx.ConvertToVector256Single(g), Avx.Multiply(d, Vector256.Create(s0[b])), a0);
            g = Groups(m, Avx2.Sign(Avx.LoadVector256((sbyte*)(x1 + offset + 2)), v));
            a1 = Fma.MultiplyAdd(Avx.ConvertToVector256Single(g), Avx.Multiply(d, Vector256.Create(s1[b])), a1);
            g = Groups(m, Avx2.Sign(Avx.LoadVector256((sbyte*)(x2 + offset + 2)), v));
            a2 = Fma.MultiplyAdd(Avx.ConvertToVector256Single(g), Avx.Multiply(d, Vector256.Create(s2[b])), a2);
            g = Groups(m, Avx2.Sign(Avx.LoadVector256((sbyte*)(x3 + offset + 2)), v));
            a3 = Fma.MultiplyAdd(Avx.ConvertToVector256Single(g), Avx.Multiply(d, Vector256.Create(s3[b])), a3);
        }

        y[0] = Q8_0Dot.Reduce(a0);
        y[yStride] = Q8_0Dot.Reduce(a1);
        y[2 * yStride] = Q8_0Dot.Reduce(a2);
        y[3 * yStride] = Q8_0Dot.Reduce(a3);
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
