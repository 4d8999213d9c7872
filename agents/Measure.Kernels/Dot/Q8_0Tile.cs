using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Formats;

namespace Measure.Kernels.Dot;

/// <summary>
/// Q8_0 GEMM over a block of weight rows, every output in the canonical order of <see cref="Q8_0Dot"/>
/// (so GEMM equals GEMV token by token, on every ISA). AVX2 widens a group of weight rows and all tokens
/// to pair-split int16 (<see cref="PairSplitInt16"/>) and runs a 2-row x 4-token register tile; AVX-512,
/// whose EVEX encoding has 32 vector registers, runs a 4-row x 4-token tile on the same operands. Odd rows
/// and unpacked calls use a 1-row x 4-token tile on the Q8_0 bytes.
/// </summary>
internal static unsafe class Q8_0Tile
{
    private const int TileTokens = 4;
    private const int QuadRows = 4;

    // Eight weight rows (64 KiB packed at 4096 columns, in L2) meet each four-token tile (32 KiB packed) in
    // turn; their block scales (up to 32 KiB) are staged on the stack, wider rows take the one-token path.
    private const int GroupRows = 8;
    private const int MaxStagedBlocks = 8192;
    private const int MaxPackedStackBytes = 128 * 1024;

    /// <param name="xq">Quantized tokens (Q8_0 rows of <paramref name="blocks"/> blocks).</param>
    /// <param name="xScales">Float scales of every token block, token-major.</param>
    /// <param name="xPacked">The tokens as laid out by <see cref="PackTokens"/> (32-byte aligned), or null.</param>
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
            float* stage = stackalloc float[QuadRows * TileTokens * 8];
            for (int r0 = 0; r0 < rowCount; r0 += groupRows)
            {
                int group = Math.Min(groupRows, rowCount - r0);
                WidenScales(w + (r0 * rowBytes), group * blocks, rowScales);
                int pairs = 0, quads = 0;
                if (xPacked != null)
                {
                    pairs = group & ~1;
                    quads = isa == KernelIsa.Avx512 ? group & ~(QuadRows - 1) : 0;
                    // Each tile's rows block-major in their own run, as the tile reads them.
                    for (int r = 0; r < pairs; r += r < quads ? QuadRows : 2)
                    {
                        PairSplitInt16.Pack(
                            w + ((r0 + r) * rowBytes), rowBytes, r < quads ? QuadRows : 2, blocks, wPacked + ((long)r * blocks * PairSplitInt16.BlockShorts));
                    }
                }

                for (int t = 0; t < tiled; t += TileTokens)
                {
                    short* xTile = xPacked + ((long)t * blocks * PairSplitInt16.BlockShorts);
                    for (int r = 0; r < quads; r += QuadRows)
                    {
                        QuadTile(
                            xTile, xScales + ((long)t * blocks), blocks, wPacked + ((long)r * blocks * PairSplitInt16.BlockShorts),
                            rowScales + (r * blocks), stage, y + ((long)t * yStride) + r0 + r, yStride);
                    }

                    for (int r = quads; r < pairs; r += 2)
                    {
                        PairTile(
                            xTile, xScales + ((long)t * blocks), blocks, wPacked + ((long)r * blocks * PairSplitInt16.BlockShorts),
                            rowScales + (r * blocks), stage, y + ((long)t * yStride) + r0 + r, yStride);
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

    /// <summary>Int16 values <see cref="PackTokens"/> writes.</summary>
    public static long PackedTokenShorts(int tokens, int blocks) => (long)(tokens - (tokens % TileTokens)) * blocks * PairSplitInt16.BlockShorts;

    /// <summary>Widens every whole four-token tile to pair-split int16, block-major within the tile (the
    /// layout the packed tiles read through one pointer); leftover tokens take the unpacked path.</summary>
    public static void PackTokens(byte* xq, int tokens, int blocks, short* target)
    {
        long rowBytes = (long)blocks * Q8_0.BlockBytes;
        for (int t = 0; t + TileTokens <= tokens; t += TileTokens)
        {
            PairSplitInt16.Pack(xq + (t * rowBytes), rowBytes, TileTokens, blocks, target + ((long)t * blocks * PairSplitInt16.BlockShorts));
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

    // One weight row against four tokens: the weight load and |w| are shared by the four tokens, and the
    // staged scales make each block cost sign, multiply-add pairs, widen, convert and one FMA per token.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Avx2Tile(byte* xq, float* xScales, long rowBytes, byte* w, float* rowScales, int blocks, float* stage, float* y, int yStride)
    {
        byte* x0 = xq + 2;
        byte* x1 = x0 + rowBytes;
        byte* x2 = x1 + rowBytes;
        byte* x3 = x2 + rowBytes;
        byte* wq = w + 2;
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
        for (int b = 0; b < blocks; b += 8)
        {
            int count = Math.Min(8, blocks - b);
            StageScales(rowScales + b, blocks, 1, xScales + b, blocks, count, stage);
            for (float* sk = stage; sk < stage + count; sk++)
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

        y[0] = Q8_0Dot.Reduce(a0);
        y[yStride] = Q8_0Dot.Reduce(a1);
        y[2 * yStride] = Q8_0Dot.Reduce(a2);
        y[3 * yStride] = Q8_0Dot.Reduce(a3);
    }

    // Two weight rows x four tokens on pair-split int16 operands: per block and token, two vpmaddwd, an
    // add, a convert and an FMA per row; eight accumulators, weights and tokens in registers. Both operands
    // are block-major (four tokens, then two rows, per block), so the loop advances two pointers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PairTile(short* xp, float* xScales, int blocks, short* wp, float* rowScales, float* stage, float* y, int yStride)
    {
        const int Block = PairSplitInt16.BlockShorts;
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default;
        for (int b = 0; b < blocks; b += 8)
        {
            int count = Math.Min(8, blocks - b);
            StageScales(rowScales + b, blocks, 2, xScales + b, blocks, count, stage);
            for (float* sk = stage; sk < stage + count; sk++)
            {
                var wa = Avx.LoadAlignedVector256(wp);
                var wb = Avx.LoadAlignedVector256(wp + 16);
                var va = Avx.LoadAlignedVector256(wp + Block);
                var vb = Avx.LoadAlignedVector256(wp + Block + 16);
                var xa = Avx.LoadAlignedVector256(xp);
                var xb = Avx.LoadAlignedVector256(xp + 16);
                a0 = Fma.MultiplyAdd(Pair(wa, wb, xa, xb), Vector256.Create(sk[0]), a0);
                c0 = Fma.MultiplyAdd(Pair(va, vb, xa, xb), Vector256.Create(sk[32]), c0);
                xa = Avx.LoadAlignedVector256(xp + Block);
                xb = Avx.LoadAlignedVector256(xp + Block + 16);
                a1 = Fma.MultiplyAdd(Pair(wa, wb, xa, xb), Vector256.Create(sk[8]), a1);
                c1 = Fma.MultiplyAdd(Pair(va, vb, xa, xb), Vector256.Create(sk[40]), c1);
                xa = Avx.LoadAlignedVector256(xp + (2 * Block));
                xb = Avx.LoadAlignedVector256(xp + (2 * Block) + 16);
                a2 = Fma.MultiplyAdd(Pair(wa, wb, xa, xb), Vector256.Create(sk[16]), a2);
                c2 = Fma.MultiplyAdd(Pair(va, vb, xa, xb), Vector256.Create(sk[48]), c2);
                xa = Avx.LoadAlignedVector256(xp + (3 * Block));
                xb = Avx.LoadAlignedVector256(xp + (3 * Block) + 16);
                a3 = Fma.MultiplyAdd(Pair(wa, wb, xa, xb), Vector256.Create(sk[24]), a3);
                c3 = Fma.MultiplyAdd(Pair(va, vb, xa, xb), Vector256.Create(sk[56]), c3);
                wp += 2 * Block;
                xp += TileTokens * Block;
            }
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

    // Four weight rows x four tokens on the same operands: sixteen accumulators, the four tokens' operands
    // and one row's in registers (26 of the 32 that EVEX encodes), so each operand load serves four
    // products instead of two.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void QuadTile(short* xp, float* xScales, int blocks, short* wp, float* rowScales, float* stage, float* y, int yStride)
    {
        const int Block = PairSplitInt16.BlockShorts;
        Vector256<float> a00 = default, a01 = default, a02 = default, a03 = default;
        Vector256<float> a10 = default, a11 = default, a12 = default, a13 = default;
        Vector256<float> a20 = default, a21 = default, a22 = default, a23 = default;
        Vector256<float> a30 = default, a31 = default, a32 = default, a33 = default;
        for (int b = 0; b < blocks; b += 8)
        {
            int count = Math.Min(8, blocks - b);
            StageScales(rowScales + b, blocks, QuadRows, xScales + b, blocks, count, stage);
            for (float* sk = stage; sk < stage + count; sk++)
            {
                var xa0 = Avx.LoadAlignedVector256(xp);
                var xb0 = Avx.LoadAlignedVector256(xp + 16);
                var xa1 = Avx.LoadAlignedVector256(xp + Block);
                var xb1 = Avx.LoadAlignedVector256(xp + Block + 16);
                var xa2 = Avx.LoadAlignedVector256(xp + (2 * Block));
                var xb2 = Avx.LoadAlignedVector256(xp + (2 * Block) + 16);
                var xa3 = Avx.LoadAlignedVector256(xp + (3 * Block));
                var xb3 = Avx.LoadAlignedVector256(xp + (3 * Block) + 16);
                var wa = Avx.LoadAlignedVector256(wp);
                var wb = Avx.LoadAlignedVector256(wp + 16);
                a00 = Fma.MultiplyAdd(Pair(wa, wb, xa0, xb0), Vector256.Create(sk[0]), a00);
                a01 = Fma.MultiplyAdd(Pair(wa, wb, xa1, xb1), Vector256.Create(sk[8]), a01);
                a02 = Fma.MultiplyAdd(Pair(wa, wb, xa2, xb2), Vector256.Create(sk[16]), a02);
                a03 = Fma.MultiplyAdd(Pair(wa, wb, xa3, xb3), Vector256.Create(sk[24]), a03);
                wa = Avx.LoadAlignedVector256(wp + Block);
                wb = Avx.LoadAlignedVector256(wp + Block + 16);
                a10 = Fma.MultiplyAdd(Pair(wa, wb, xa0, xb0), Vector256.Create(sk[32]), a10);
                a11 = Fma.MultiplyAdd(Pair(wa, wb, xa1, xb1), Vector256.Create(sk[40]), a11);
                a12 = Fma.MultiplyAdd(Pair(wa, wb, xa2, xb2), Vector256.Create(sk[48]), a12);
                a13 = Fma.MultiplyAdd(Pair(wa, wb, xa3, xb3), Vector256.Create(sk[56]), a13);
                wa = Avx.LoadAlignedVector256(wp + (2 * Block));
                wb = Avx.LoadAlignedVector256(wp + (2 * Block) + 16);
                a20 = Fma.MultiplyAdd(Pair(wa, wb, xa0, xb0), Vector256.Create(sk[64]), a20);
                a21 = Fma.MultiplyAdd(Pair(wa, wb, xa1, xb1), Vector256.Create(sk[72]), a21);
                a22 = Fma.MultiplyAdd(Pair(wa, wb, xa2, xb2), Vector256.Create(sk[80]), a22);
                a23 = Fma.MultiplyAdd(Pair(wa, wb, xa3, xb3), Vector256.Create(sk[88]), a23);
                wa = Avx.LoadAlignedVector256(wp + (3 * Block));
                wb = Avx.LoadAlignedVector256(wp + (3 * Block) + 16);
                a30 = Fma.MultiplyAdd(Pair(wa, wb, xa0, xb0), Vector256.Create(sk[96]), a30);
                a31 = Fma.MultiplyAdd(Pair(wa, wb, xa1, xb1), Vector256.Create(sk[104]), a31);
                a32 = Fma.MultiplyAdd(Pair(wa, wb, xa2, xb2), Vector256.Create(sk[112]), a32);
                a33 = Fma.MultiplyAdd(Pair(wa, wb, xa3, xb3), Vector256.Create(sk[120]), a33);
                wp += QuadRows * Block;
                xp += TileTokens * Block;
            }
        }

        Store(a00, a10, a20, a30, y);
        Store(a01, a11, a21, a31, y + yStride);
        Store(a02, a12, a22, a32, y + (2 * yStride));
        Store(a03, a13, a23, a33, y + (3 * yStride));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<float> r0, Vector256<float> r1, Vector256<float> r2, Vector256<float> r3, float* y)
    {
        y[0] = Q8_0Dot.Reduce(r0);
        y[1] = Q8_0Dot.Reduce(r1);
        y[2] = Q8_0Dot.Reduce(r2);
        y[3] = Q8_0Dot.Reduce(r3);
    }

    // stage[(row * 4 + token) * 8 + k] = fp32(d_w) * d_x of block k (the exact product the GEMV forms per
    // block) for up to eight blocks, every row of the tile and four tokens.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StageScales(float* rowScales, int rowStride, int rows, float* xScales, int tokenStride, int count, float* stage)
    {
        for (int r = 0; r < rows; r++)
        {
            float* dw = rowScales + (r * rowStride);
            float* target = stage + (r * TileTokens * 8);
            if (count == 8)
            {
                var d = Avx.LoadVector256(dw);
                Avx.Store(target, Avx.Multiply(d, Avx.LoadVector256(xScales)));
                Avx.Store(target + 8, Avx.Multiply(d, Avx.LoadVector256(xScales + tokenStride)));
                Avx.Store(target + 16, Avx.Multiply(d, Avx.LoadVector256(xScales + (2 * tokenStride))));
                Avx.Store(target + 24, Avx.Multiply(d, Avx.LoadVector256(xScales + (3 * tokenStride))));
                continue;
            }

            for (int t = 0; t < TileTokens; t++)
            {
                for (int k = 0; k < count; k++)
                {
                    target[(t * 8) + k] = dw[k] * xScales[(t * tokenStride) + k];
                }
            }
        }
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
