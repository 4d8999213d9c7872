using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Formats;

namespace Measure.Kernels.Dot;

/// <summary>
/// Q8_0 x Q8_0 row dot products in one canonical order shared by every ISA, so results are identical to
/// the bit: for each block b (scale s = fp32(d_w) * fp32(d_x)) and each lane j in 0..7,
/// acc[j] = fma((float)sum(w[4j..4j+3] * x[4j..4j+3]), s, acc[j]); then
/// result = ((acc0 + acc4) + (acc2 + acc6)) + ((acc1 + acc5) + (acc3 + acc7)).
/// Activations arrive pre-quantized (Q8_0 blocks) with their scales widened to float.
/// </summary>
internal static unsafe class Q8_0Dot
{
    private const int Lanes = 8;

    /// <summary>Consecutive rows each of the eight streams reads per block (see <see cref="Rows"/>).</summary>
    public const int StreamRows = 16;

    /// <summary>Rows of one long-stream block; callers that split rows (threads, staging) do so in whole blocks.</summary>
    public const int BlockRows = 8 * StreamRows;

    /// <summary>Computes y[row] for rows [start, end) of a Q8_0 matrix with <paramref name="blocks"/> blocks per row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Rows(KernelIsa isa, byte* weights, int blocks, byte* xq, float* xScales, float* y, int start, int end)
    {
        long rowBytes = (long)blocks * Q8_0.BlockBytes;
        int row = start;
        switch (isa)
        {
            case KernelIsa.Avx2:
            case KernelIsa.Avx512:
                // Eight long streams: a block of 8 x StreamRows rows is read as eight runs of StreamRows consecutive
                // rows, one row of each run per pass. Eight adjacent rows (runs of one row, 4 KiB each) keep
                // restarting the hardware prefetcher: one Zen3 core reads that pattern at ~21 GB/s against ~26.
                for (; row + BlockRows <= end; row += BlockRows)
                {
                    for (int i = 0; i < StreamRows; i++)
                    {
                        Avx2Eight(weights + ((row + i) * rowBytes), StreamRows * rowBytes, blocks, xq, xScales, y + row + i, StreamRows);
                    }
                }

                for (; row + 8 <= end; row += 8)
                {
                    Avx2Eight(weights + (row * rowBytes), rowBytes, blocks, xq, xScales, y + row, 1);
                }

                for (; row + 4 <= end; row += 4)
                {
                    byte* w = weights + (row * rowBytes);
                    Avx2Four(w, rowBytes, blocks, xq, xScales, y + row);
                }

                for (; row < end; row++)
                {
                    y[row] = Avx2One(weights + (row * rowBytes), blocks, xq, xScales);
                }

                break;
            case KernelIsa.Vector128:
                for (; row < end; row++)
                {
                    y[row] = Vector128One(weights + (row * rowBytes), blocks, xq, xScales);
                }

                break;
            default:
                for (; row < end; row++)
                {
                    y[row] = ScalarOne(weights + (row * rowBytes), blocks, xq, xScales);
                }

                break;
        }
    }

    /// <summary>The reference: plain loops in the canonical order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float ScalarOne(byte* w, int blocks, byte* xq, float* xScales)
    {
        float* acc = stackalloc float[Lanes];
        for (int j = 0; j < Lanes; j++)
        {
            acc[j] = 0f;
        }

        for (int b = 0; b < blocks; b++)
        {
            byte* wb = w + (b * Q8_0.BlockBytes);
            byte* xb = xq + (b * Q8_0.BlockBytes);
            float scale = HalfConversion.ToSingle(Unsafe.ReadUnaligned<ushort>(wb)) * xScales[b];
            for (int j = 0; j < Lanes; j++)
            {
                int group = Int8Groups.DotScalar((sbyte*)(wb + 2 + (4 * j)), (sbyte*)(xb + 2 + (4 * j)));
                acc[j] = MathF.FusedMultiplyAdd(group, scale, acc[j]);
            }
        }

        return Reduce(acc[0], acc[1], acc[2], acc[3], acc[4], acc[5], acc[6], acc[7]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Reduce(float a0, float a1, float a2, float a3, float a4, float a5, float a6, float a7) =>
        ((a0 + a4) + (a2 + a6)) + ((a1 + a5) + (a3 + a7));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Reduce(Vector256<float> acc) => Reduce(acc.GetLower(), acc.GetUpper());

    /// <summary>Reduces lanes 0-3 (<paramref name="low"/>) and 4-7 (<paramref name="high"/>) in the canonical order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Reduce(Vector128<float> low, Vector128<float> high)
    {
        var t = low + high;
        return (t.GetElement(0) + t.GetElement(2)) + (t.GetElement(1) + t.GetElement(3));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Vector128One(byte* w, int blocks, byte* xq, float* xScales)
    {
        var low = Vector128<float>.Zero;
        var high = Vector128<float>.Zero;
        for (int b = 0; b < blocks; b++)
        {
            byte* wb = w + (b * Q8_0.BlockBytes) + 2;
            byte* xb = xq + (b * Q8_0.BlockBytes) + 2;
            var scale = Vector128.Create(HalfConversion.ToSingle(Unsafe.ReadUnaligned<ushort>(wb - 2)) * xScales[b]);
            var g0 = Int8Groups.Dot128(Vector128.Load((sbyte*)wb), Vector128.Load((sbyte*)xb));
            var g1 = Int8Groups.Dot128(Vector128.Load((sbyte*)wb + 16), Vector128.Load((sbyte*)xb + 16));
            low = Vector128.FusedMultiplyAdd(Vector128.ConvertToSingle(g0), scale, low);
            high = Vector128.FusedMultiplyAdd(Vector128.ConvertToSingle(g1), scale, high);
        }

        return Reduce(low, high);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Avx2One(byte* w, int blocks, byte* xq, float* xScales)
    {
        float* table = HalfTable.Values;
        var acc = Vector256<float>.Zero;
        for (int b = 0; b < blocks; b++)
        {
            var x = Avx.LoadVector256((sbyte*)xq + 2);
            acc = Block(w, x, Vector256.Create(xScales[b]), table, acc);
            w += Q8_0.BlockBytes;
            xq += Q8_0.BlockBytes;
        }

        return Reduce(acc);
    }

    // Four rows share each activation load and its scale broadcast and give the FMA unit four
    // independent chains; pointers advance by one block per step (no index multiplies in the loop).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Avx2Four(byte* w0, long rowBytes, int blocks, byte* xq, float* xScales, float* y)
    {
        float* table = HalfTable.Values;
        byte* w1 = w0 + rowBytes;
        byte* w2 = w1 + rowBytes;
        byte* w3 = w2 + rowBytes;
        var acc0 = Vector256<float>.Zero;
        var acc1 = Vector256<float>.Zero;
        var acc2 = Vector256<float>.Zero;
        var acc3 = Vector256<float>.Zero;
        for (int b = 0; b < blocks; b++)
        {
            var x = Avx.LoadVector256((sbyte*)xq + 2);
            var xs = Vector256.Create(xScales[b]);
            acc0 = Block(w0, x, xs, table, acc0);
            acc1 = Block(w1, x, xs, table, acc1);
            acc2 = Block(w2, x, xs, table, acc2);
            acc3 = Block(w3, x, xs, table, acc3);
            w0 += Q8_0.BlockBytes;
            w1 += Q8_0.BlockBytes;
            w2 += Q8_0.BlockBytes;
            w3 += Q8_0.BlockBytes;
            xq += Q8_0.BlockBytes;
        }

        y[0] = Reduce(acc0);
        y[1] = Reduce(acc1);
        y[2] = Reduce(acc2);
        y[3] = Reduce(acc3);
    }

    // Eight rows rowBytes apart (adjacent, or one from each of eight streams): eight DRAM streams in flight (four left the core's miss buffers idle: 15 vs 19 GB/s on
    // one Zen3 core), one activation load and scale broadcast per eight blocks. Software prefetch on top
    // of this measured slower at 512-2048 bytes ahead.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Avx2Eight(byte* w0, long rowBytes, int blocks, byte* xq, float* xScales, float* y, int yStride)
    {
        float* table = HalfTable.Values;
        byte* w4 = w0 + (4 * rowBytes);
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector256<float> a4 = default, a5 = default, a6 = default, a7 = default;
        for (int b = 0; b < blocks; b++)
        {
            var x = Avx.LoadVector256((sbyte*)xq + 2);
            var xs = Vector256.Create(xScales[b]);
            a0 = Block(w0, x, xs, table, a0);
            a1 = Block(w0 + rowBytes, x, xs, table, a1);
            a2 = Block(w0 + (2 * rowBytes), x, xs, table, a2);
            a3 = Block(w0 + (3 * rowBytes), x, xs, table, a3);
            a4 = Block(w4, x, xs, table, a4);
            a5 = Block(w4 + rowBytes, x, xs, table, a5);
            a6 = Block(w4 + (2 * rowBytes), x, xs, table, a6);
            a7 = Block(w4 + (3 * rowBytes), x, xs, table, a7);
            w0 += Q8_0.BlockBytes;
            w4 += Q8_0.BlockBytes;
            xq += Q8_0.BlockBytes;
        }

        y[0] = Reduce(a0);
        y[yStride] = Reduce(a1);
        y[2 * yStride] = Reduce(a2);
        y[3 * yStride] = Reduce(a3);
        y[4 * yStride] = Reduce(a4);
        y[5 * yStride] = Reduce(a5);
        y[6 * yStride] = Reduce(a6);
        y[7 * yStride] = Reduce(a7);
    }

    /// <summary>One block in the canonical order: acc = fma(groups, fp32(d_w) * d_x, acc).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Block(byte* wb, Vector256<sbyte> x, Vector256<float> xScale, float* table, Vector256<float> acc)
    {
        var groups = Int8Groups.Dot256(Avx.LoadVector256((sbyte*)(wb + 2)), x);
        var scale = Avx.Multiply(Vector256.Create(table[Unsafe.ReadUnaligned<ushort>(wb)]), xScale);
        return Fma.MultiplyAdd(Avx.ConvertToVector256Single(groups), scale, acc);
    }
}
