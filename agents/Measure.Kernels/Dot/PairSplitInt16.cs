using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Formats;

namespace Measure.Kernels.Dot;

/// <summary>
/// Q8_0 quants widened to int16 in pair-split order, for GEMM operands that are reused many times: each
/// block becomes A = elements {4j, 4j+1} and B = elements {4j+2, 4j+3} for j = 0..7 (16 int16 each). Then
/// vpmaddwd(A_w, A_x) + vpmaddwd(B_w, B_x) is exactly group j = sum of w[i] * x[i], i in 4j..4j+3, in lane
/// j: two multiply-adds and an add per block instead of abs/sign, vpmaddubsw and vpmaddwd, which on Zen3
/// all compete for the same two pipes.
/// </summary>
internal static unsafe class PairSplitInt16
{
    /// <summary>int16 values per packed block (A then B).</summary>
    public const int BlockShorts = 32;

    /// <summary>
    /// Packs <paramref name="blocks"/> blocks of <paramref name="rows"/> Q8_0 rows (<paramref name="rowBytes"/> apart)
    /// block-major: block b of row r lands at <c>(b * rows + r) * BlockShorts</c>, so a register tile over
    /// those rows reads one contiguous run per block through a single pointer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Pack(byte* source, long rowBytes, int rows, int blocks, short* target)
    {
        var order = Vector128.Create((byte)0, 1, 4, 5, 8, 9, 12, 13, 2, 3, 6, 7, 10, 11, 14, 15);
        for (int r = 0; r < rows; r++)
        {
            byte* row = source + (r * rowBytes);
            for (int b = 0; b < blocks; b++)
            {
                byte* q = row + ((long)b * Q8_0.BlockBytes) + 2;
                var low = Ssse3.Shuffle(Sse2.LoadVector128(q), order).AsInt64();
                var high = Ssse3.Shuffle(Sse2.LoadVector128(q + 16), order).AsInt64();
                short* block = target + ((((long)b * rows) + r) * BlockShorts);
                Avx.Store(block, Avx2.ConvertToVector256Int16(Sse2.UnpackLow(low, high).AsSByte()));
                Avx.Store(block + 16, Avx2.ConvertToVector256Int16(Sse2.UnpackHigh(low, high).AsSByte()));
            }
        }
    }
}
