using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Formats;

namespace Measure.Kernels.Dot;

/// <summary>
/// Q8_0 GEMM over a block of weight rows, every output in the canonical order of <see cref="Q8_0Dot"/>
/// (so GEMM equals GEMV token by token, on every ISA). AVX2 widens a group of weight rows and all tokens
/// to pair-split int16 (<see cref="PairSplitInt16"/>) and runs a 2-row x 4-token register tile; odd rows
/// and unpacked calls use a 1-row x 4-token tile on the Q8_0 bytes.
/// </summary>
internal static unsafe class Q8_0Tile
{
    private const int TileTokens = 4;

    // Eight weight rows (35 KB at 4096 columns, in L2) meet each four-token tile (17 KB, in L1) in turn;
    // their block scales (up to 32 KiB) are staged on the stack, wider rows take the one-token path.
    private const int GroupRows = 8;
    private const int MaxStagedBlocks = 8192;
    private const int MaxPackedStackBytes = 128 * 1024;

    /// <param name="xq">Quantized tokens (Q8_0 rows of <paramref name="blocks"/> blocks).</param>
    /// <param name="xScales">Float scales of every token block, token-major.</param>
    /// <param name="xPacked">The tokens in <see cref="PairSplitInt16"/> form (32-byte aligned), or null.</param>
    /// <param name="w">Weight row r0 (Q8_0 rows of <paramref name="blocks"/> blocks).</param>
    /// <param name="y">Element (token 0, row r0); tokens are <paramref name="yStride"/> apart.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(
        KernelIsa isa, byte* xq, float* xScales, short* xPacked, int tokens, byte* w, int rowCount, int blocks, float* y, int yStride)
    {
        long rowBytes = (long)blocks * Q8_0.BlockBytes;
        int tiled = 0;
        if (isa is KernelIsa.Avx2 or KernelIsa.Avx512 && blocks <= MaxStagedBlocks / GroupRows)
        {
            tiled = tokens - (tokens % TileTokens);
            int groupRows = GroupRowsFor(blocks, xPacked != null);
            float* rowScales = stackalloc float[GroupRows * blocks];
            short* packed = stackalloc short[xPacked != null ? (groupRows * blocks * PairSplitInt16.BlockShorts) + 16 : 1];
            short* wPacked = (short*)(((nint)packed + 31) & ~(nint)31);
            float* stage = stackalloc float[2 * TileTokens * 8];
            for (int r0 = 0; r0 < rowCount; r0 += groupRows)
            {
                int group = Math.Min(groupRows, rowCount - r0);
                WidenScales(w + (r0 * rowBytes), group * blocks, rowScales);
                int pairs = 0;
                if (xPacked != null)
                {
                    pairs = group & ~1;
                    PairSplitInt16.Pack(w + (r0 * rowBytes), (long)pairs * blocks, wPacked);
                }

                for (int t = 0; t < tiled; t += TileTokens)
                {
                    for (int r = 0; r < pairs; r += 2)
                    {
                        PairTile(
                            xPacked + ((long)t * blocks * PairSplitInt16.BlockShorts), xScales + ((long)t * blocks), blocks,
                            wPacked + ((long)r * blocks * PairSplitInt16.BlockShorts), rowScales + (r * blocks), stage,
                            y + ((long)t * yStride) + r0 + r, yStride);
                    }

                    for (int r = pairs; r < group; r++)
                    {
                        Avx2Tile(
                            xq + (t * rowBytes), xScales + ((long)t * blocks), rowBytes, w + ((r0 + r) * rowBytes), rowScales + (r * blocks),
                            blocks, stage, y + ((long)t * yStride) + r0 + r, yStride);
                    }
                }
            }
        }

        for (int t = tiled; t < tokens; t++)
        {
            for (int r = 0; r < rowCount; r++)
            {
                y[((long)t * yStride) + r] = One(isa, w + (r * rowBytes), blocks, xq + (t * rowBytes), xScales + ((long)t * blocks));
            }
        }
    }

    /// <summary>Whether the tokens should be packed for the pair tile: no AVX-VNNI (whose vpdpbusd makes the
    /// byte tile cheaper), enough tokens to amortize packing, and rows narrow enough that a group of packed
    /// weight rows fits the stack budget.</summary>
    public static bool WantsPackedTokens(KernelIsa isa, int tokens, int blocks) =>
        isa is KernelIsa.Avx2 or KernelIsa.Avx512 && !AvxVnni.IsSupported && tokens >= TileTokens && blocks <= MaxPackedStackBytes / (2 * PairSplitInt16.BlockShorts * sizeof(short));

    // Packed weights of a row group (64 bytes per block) stay within 128 KiB of stack: 8 rows up to 256
    // blocks (8192 columns), fewer (an even number, at least 2) for wider rows.
    private static int GroupRowsFor(int blocks, bool packed)
    {
        if (!packed || blocks == 0)
        {
            return GroupRows;
        }

        int rows = MaxPackedStackBytes / (blocks * PairSplitInt16.BlockShorts * sizeof(short));
        return Math.Clamp(rows & ~1, 2, GroupRows);
    }

    private static float One(KernelIsa isa, byte* w, int blocks, byte* xq, float* xScales)
    {
        float y;
        Q8_0Dot.Rows(isa, w, blocks, xq, xScales, &y, 0, 1);
        return y;
    }

    // Block scales of consecutive rows in FP32, exact (table lookups), reused by every token tile.
    private static void WidenScales(byte* row, int blocks, float* target)
    {
        float* table = HalfTable.Values;
        for (int b = 0; b < blocks; b++)
        {
            target[b] = table[Unsafe.ReadUnaligned<ushort>(row + (b * Q8_0.BlockBytes))];
        }
    }

    // One weight row against four tokens: the weight load and |w| are shared by the four tokens. The
    // scales fp32(d_w) * d_x of eight blocks x four tokens are four vector multiplies staged on the stack,
    // so each block costs sign, multiply-add pairs, widen, convert and one FMA per token.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Avx2Tile(byte* xq, float* xScales, long rowBytes, byte* w, float* rowScales, int blocks, float* stage, float* y, int yStride)
    {
        byte* x0 = xq + 2;
        byte* x1 = x0 + rowBytes;
        byte* x2 = x1 + rowBytes;
        byte* x3 = x2 + rowBytes;
        byte* wq = w + 2;
        float* s0 = xScales, s1 = xScales + blocks, s2 = xScales + (2 * blocks), s3 = xScales + (3 * blocks);
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
        int b = 0;
        for (; b + 8 <= blocks; b += 8)
        {
            var dw = Avx.LoadVector256(rowScales + b);
            Avx.Store(stage, Avx.Multiply(dw, Avx.LoadVector256(s0 + b)));
            Avx.Store(stage + 8, Avx.Multiply(dw, Avx.LoadVector256(s1 + b)));
            Avx.Store(stage + 16, Avx.Multiply(dw, Avx.LoadVector256(s2 + b)));
            Avx.Store(stage + 24, Avx.Multiply(dw, Avx.LoadVector256(s3 + b)));
            for (float* sk = stage; sk < stage + 8; sk++)
            {
                var v = Avx.LoadVector256((sbyte*)wq);
                var m = Avx2.Abs(v).AsSByte();
                a0 = Fma.MultiplyAdd(Convert(m, Avx.LoadVector256((sbyte*)x0), v), Vector256.Create(sk[0]), a0);
                a1 = Fma.MultiplyAdd(Convert(m, Avx.LoadVector256((sbyte*)x1), v), Vector256.Create(sk[8]), a1);
                a2 = Fma.MultiplyAdd(Convert(m, Avx.LoadVector256((sbyte*)x2), v), Vector256.Create(sk[16]), a2);
                a3 = Fma.MultiplyAdd(Convert(m, Avx.LoadVector256((sbyte*)x3), v), Vector256.Create(sk[24]), a3);
                wq += Q8_0.BlockBytes;
                x0 += Q8_0.BlockBytes;
                x1 += Q8_0.BlockBytes;
                x2 += Q8_0.BlockBytes;
                x3 += Q8_0.BlockBytes;
            }
        }

        for (; b < blocks; b++)
        {
            var v = Avx.LoadVector256((sbyte*)wq);
            var m = Avx2.Abs(v).AsSByte();
            var dw = Vector256.Create(rowScales[b]);
            a0 = Fma.MultiplyAdd(Convert(m, Avx.LoadVector256((sbyte*)x0), v), Avx.Multiply(dw, Vector256.Create(s0[b])), a0);
            a1 = Fma.MultiplyAdd(Convert(m, Avx.LoadVector256((sbyte*)x1), v), Avx.Multiply(dw, Vector256.Create(s1[b])), a1);
            a2 = Fma.MultiplyAdd(Convert(m, Avx.LoadVector256((sbyte*)x2), v), Avx.Multiply(dw, Vector256.Create(s2[b])), a2);
            a3 = Fma.MultiplyAdd(Convert(m, Avx.LoadVector256((sbyte*)x3), v), Avx.Multiply(dw, Vector256.Create(s3[b])), a3);
            wq += Q8_0.BlockBytes;
            x0 += Q8_0.BlockBytes;
            x1 += Q8_0.BlockBytes;
            x2 += Q8_0.BlockBytes;
            x3 += Q8_0.BlockBytes;
        }

        y[0] = Q8_0Dot.Reduce(a0);
        y[yStride] = Q8_0Dot.Reduce(a1);
        y[2 * yStride] = Q8_0Dot.Reduce(a2);
        y[3 * yStride] = Q8_0Dot.Reduce(a3);
    }

    // Two weight rows x four tokens on pair-split int16 operands: per block and token, two vpmaddwd, an
    // add, a convert and an FMA per row; eight accumulators, weights and tokens in registers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PairTile(short* xp, float* xScales, int blocks, short* wp, float* rowScales, float* stage, float* y, int yStride)
    {
        const int Block = PairSplitInt16.BlockShorts;
        long xStride = (long)blocks * Block;
        short* x0 = xp, x1 = xp + xStride, x2 = xp + (2 * xStride), x3 = xp + (3 * xStride);
        short* w0 = wp, w1 = wp + xStride;
        float* s0 = xScales, s1 = xScales + blocks, s2 = xScales + (2 * blocks), s3 = xScales + (3 * blocks);
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default;
        int b = 0;
        for (; b + 8 <= blocks; b += 8)
        {
            var dw = Avx.LoadVector256(rowScales + b);
            var dv = Avx.LoadVector256(rowScales + blocks + b);
            var xs = Avx.LoadVector256(s0 + b);
            Avx.Store(stage, Avx.Multiply(dw, xs));
            Avx.Store(stage + 32, Avx.Multiply(dv, xs));
            xs = Avx.LoadVector256(s1 + b);
            Avx.Store(stage + 8, Avx.Multiply(dw, xs));
            Avx.Store(stage + 40, Avx.Multiply(dv, xs));
            xs = Avx.LoadVector256(s2 + b);
            Avx.Store(stage + 16, Avx.Multiply(dw, xs));
            Avx.Store(stage + 48, Avx.Multiply(dv, xs));
            xs = Avx.LoadVector256(s3 + b);
            Avx.Store(stage + 24, Avx.Multiply(dw, xs));
            Avx.Store(stage + 56, Avx.Multiply(dv, xs));
            for (float* sk = stage; sk < stage + 8; sk++)
            {
                var wa = Avx.LoadAlignedVector256(w0);
                var wb = Avx.LoadAlignedVector256(w0 + 16);
                var va = Avx.LoadAlignedVector256(w1);
                var vb = Avx.LoadAlignedVector256(w1 + 16);
                var xa = Avx.LoadAlignedVector256(x0);
                var xb = Avx.LoadAlignedVector256(x0 + 16);
                a0 = Fma.MultiplyAdd(Pair(wa, wb, xa, xb), Vector256.Create(sk[0]), a0);
                c0 = Fma.MultiplyAdd(Pair(va, vb, xa, xb), Vector256.Create(sk[32]), c0);
                xa = Avx.LoadAlignedVector256(x1);
                xb = Avx.LoadAlignedVector256(x1 + 16);
                a1 = Fma.MultiplyAdd(Pair(wa, wb, xa, xb), Vector256.Create(sk[8]), a1);
                c1 = Fma.MultiplyAdd(Pair(va, vb, xa, xb), Vector256.Create(sk[40]), c1);
                xa = Avx.LoadAlignedVector256(x2);
                xb = Avx.LoadAlignedVector256(x2 + 16);
                a2 = Fma.MultiplyAdd(Pair(wa, wb, xa, xb), Vector256.Create(sk[16]), a2);
                c2 = Fma.MultiplyAdd(Pair(va, vb, xa, xb), Vector256.Create(sk[48]), c2);
                xa = Avx.LoadAlignedVector256(x3);
                xb = Avx.LoadAlignedVector256(x3 + 16);
                a3 = Fma.MultiplyAdd(Pair(wa, wb, xa, xb), Vector256.Create(sk[24]), a3);
                c3 = Fma.MultiplyAdd(Pair(va, vb, xa, xb), Vector256.Create(sk[56]), c3);
                w0 += Block;
                w1 += Block;
                x0 += Block;
                x1 += Block;
                x2 += Block;
                x3 += Block;
            }
        }

        for (; b < blocks; b++)
        {
            var wa = Avx.LoadAlignedVector256(w0);
            var wb = Avx.LoadAlignedVector256(w0 + 16);
            var va = Avx.LoadAlignedVector256(w1);
            var vb = Avx.LoadAlignedVector256(w1 + 16);
            var dw = Vector256.Create(rowScales[b]);
            var dv = Vector256.Create(rowScales[blocks + b]);
            var xs = Vector256.Create(s0[b]);
            a0 = Fma.MultiplyAdd(Pair(wa, wb, Avx.LoadAlignedVector256(x0), Avx.LoadAlignedVector256(x0 + 16)), Avx.Multiply(dw, xs), a0);
            c0 = Fma.MultiplyAdd(Pair(va, vb, Avx.LoadAlignedVector256(x0), Avx.LoadAlignedVector256(x0 + 16)), Avx.Multiply(dv, xs), c0);
            xs = Vector256.Create(s1[b]);
            a1 = Fma.MultiplyAdd(Pair(wa, wb, Avx.LoadAlignedVector256(x1), Avx.LoadAlignedVector256(x1 + 16)), Avx.Multiply(dw, xs), a1);
            c1 = Fma.MultiplyAdd(Pair(va, vb, Avx.LoadAlignedVector256(x1), Avx.LoadAlignedVector256(x1 + 16)), Avx.Multiply(dv, xs), c1);
            xs = Vector256.Create(s2[b]);
            a2 = Fma.MultiplyAdd(Pair(wa, wb, Avx.LoadAlignedVector256(x2), Avx.LoadAlignedVector256(x2 + 16)), Avx.Multiply(dw, xs), a2);
            c2 = Fma.MultiplyAdd(Pair(va, vb, Avx.LoadAlignedVector256(x2), Avx.LoadAlignedVector256(x2 + 16)), Avx.Multiply(dv, xs), c2);
            xs = Vector256.Create(s3[b]);
            a3 = Fma.MultiplyAdd(Pair(wa, wb, Avx.LoadAlignedVector256(x3), Avx.LoadAlignedVector256(x3 + 16)), Avx.Multiply(dw, xs), a3);
            c3 = Fma.MultiplyAdd(Pair(va, vb, Avx.LoadAlignedVector256(x3), Avx.LoadAlignedVector256(x3 + 16)), Avx.Multiply(dv, xs), c3);
            w0 += Block;
            w1 += Block;
            x0 += Block;
            x1 += Block;
            x2 += Block;
            x3 += Block;
        }

        y[0] = Q8_0Dot.Reduce(a0);
        y[1] = Q8_0Dot.Reduce(c0);
        y[yStride] = Q8_0Dot.Reduce(a1);
        y[yStride + 1] = Q8_0Dot.Reduce(c1);
        y[2 * yStride] = Q8_0Dot.Reduce(a2);
        y[(2 * yStride) + 1] = Q8_0Dot.Reduce(c2);
        y[3 * yStride] = Q8_0Dot.Reduce(a3);
        y[(3 * yStride) + 1] = Q8_0Dot.Reduce(c3);
    }

    /// <summary>The 8 exact int32 groups of a pair-split weight block (<paramref name="a"/>, <paramref name="b"/>)
    /// against a pair-split token block (<paramref name="xa"/>, <paramref name="xb"/>), converted to float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Pair(Vector256<short> a, Vector256<short> b, Vector256<short> xa, Vector256<short> xb) =>
        Avx.ConvertToVector256Single(Avx2.Add(Avx2.MultiplyAddAdjacent(a, xa), Avx2.MultiplyAddAdjacent(b, xb)));

    /// <summary>The 8 exact int32 groups of one weight block (|w| = <paramref name="magnitude"/>, sign from
    /// <paramref name="w"/>) against one token block, converted to float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Convert(Vector256<sbyte> magnitude, Vector256<sbyte> x, Vector256<sbyte> w) =>
        Avx.ConvertToVector256Single(Groups(magnitude, Avx2.Sign(x, w)));

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
