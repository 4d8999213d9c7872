using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Formats;

namespace Measure.Kernels.Dot;

/// <summary>FP16-weight row dot products with FP32 activations and FP32 accumulation.</summary>
internal static unsafe class F16Dot
{
    /// <summary>Consecutive rows each of the four streams of the prescaled AVX2 path reads per block.</summary>
    public const int StreamRows = 16;

    /// <summary>Rows of one long-stream block of the prescaled paths (four streams).</summary>
    public const int BlockRows = 4 * StreamRows;

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

    /// <summary>2^112: an FP16 bit pattern moved into float position (sign to bit 31, exponent and mantissa
    /// to bits 13-27) is exactly the half's value times 2^-112, subnormals included.</summary>
    public const float Rebias = 5.192297e33f;

    /// <summary>Largest |x| (exclusive) whose product with <see cref="Rebias"/> stays finite.</summary>
    public const float MaxPrescaledInput = 65536f;

    /// <summary>
    /// Writes x * 2^112 to <paramref name="scaled"/> so the AVX2 rows can skip the rebias multiply and the
    /// inf/NaN patch of every weight: fma(w * 2^-112, x * 2^112, acc) has the same exact product as
    /// fma(w, x, acc), hence the same bits. False (nothing usable) if a finite |x| would overflow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryPrescale(float* x, int cols, float* scaled)
    {
        var rebias = Vector256.Create(Rebias);
        var limit = Vector256.Create(MaxPrescaledInput);
        var infinity = Vector256.Create(float.PositiveInfinity);
        var overflow = Vector256<float>.Zero;
        int i = 0;
        for (; i + 8 <= cols; i += 8)
        {
            var v = Avx.LoadVector256(x + i);
            var magnitude = Vector256.Abs(v);
            overflow = Avx.Or(overflow, Avx.And(Avx.CompareGreaterThanOrEqual(magnitude, limit), Avx.CompareLessThan(magnitude, infinity)));
            Avx.Store(scaled + i, Avx.Multiply(v, rebias));
        }

        bool fits = Avx.TestZ(overflow, overflow);
        for (; i < cols; i++)
        {
            float magnitude = MathF.Abs(x[i]);
            fits &= !(magnitude >= MaxPrescaledInput && magnitude < float.PositiveInfinity);
            scaled[i] = x[i] * Rebias;
        }

        return fits;
    }

    /// <summary>
    /// AVX2 rows against prescaled activations: each weight costs a sign-extending load, a shift and a mask
    /// (instead of a ten-instruction exact conversion). A row holding an inf/NaN weight, which this
    /// shortcut would read as a finite value, is detected by its largest exponent and recomputed exactly.
    /// Bit-identical to <see cref="Avx2One"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RowsPrescaled(KernelIsa isa, ushort* weights, int cols, float* x, float* xScaled, float* y, int start, int end)
    {
        int row = start;
        // Four long streams (runs of StreamRows consecutive rows), as Q8_0Dot.Rows reads for the same reason.
        bool wide = isa == KernelIsa.Avx512;
        for (; row + BlockRows <= end; row += BlockRows)
        {
            for (int i = 0; i < StreamRows; i++)
            {
                FourRows(wide, weights + ((long)(row + i) * cols), (long)StreamRows * cols, cols, x, xScaled, y + row + i, StreamRows);
            }
        }

        for (; row + 4 <= end; row += 4)
        {
            FourRows(wide, weights + ((long)row * cols), cols, cols, x, xScaled, y + row, 1);
        }

        for (; row < end; row++)
        {
            ushort* w = weights + ((long)row * cols);
            if (!Avx2Prescaled(w, cols, x, xScaled, y + row))
            {
                y[row] = Avx2One(w, cols, x);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourRows(bool wide, ushort* w, long rowStride, int cols, float* x, float* xScaled, float* y, int yStride)
    {
        bool done = wide ? Avx512PrescaledFour(w, rowStride, cols, x, xScaled, y, yStride) : Avx2PrescaledFour(w, rowStride, cols, x, xScaled, y, yStride);
        if (!done)
        {
            for (int r = 0; r < 4; r++)
            {
                y[r * yStride] = Avx2One(w + (r * rowStride), cols, x);
            }
        }
    }

    // Four rows rowStride apart at once: four DRAM streams in flight (one stream leaves the core's miss buffers idle, see
    // the read probe) and each activation load serves four rows. Two accumulators per row.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Avx2PrescaledFour(ushort* w, long rowStride, int cols, float* x, float* xs, float* y, int yStride)
    {
        var mask = Vector256.Create(unchecked((int)0x8FFF_E000));
        var magnitudeMask = Vector256.Create((short)0x7FFF);
        short* p0 = (short*)w, p1 = p0 + rowStride, p2 = p1 + rowStride, p3 = p2 + rowStride;
        Vector256<float> a0 = default, b0 = default, a1 = default, b1 = default;
        Vector256<float> a2 = default, b2 = default, a3 = default, b3 = default;
        var largest = Vector256<short>.Zero;
        int i = 0;
        for (; i + 16 <= cols; i += 16)
        {
            var low = Avx.LoadVector256(xs + i);
            var high = Avx.LoadVector256(xs + i + 8);
            largest = Avx2.Max(largest, Avx2.And(Avx.LoadVector256(p0 + i), magnitudeMask));
            a0 = Fma.MultiplyAdd(Widen(p0 + i, mask), low, a0);
            b0 = Fma.MultiplyAdd(Widen(p0 + i + 8, mask), high, b0);
            largest = Avx2.Max(largest, Avx2.And(Avx.LoadVector256(p1 + i), magnitudeMask));
            a1 = Fma.MultiplyAdd(Widen(p1 + i, mask), low, a1);
            b1 = Fma.MultiplyAdd(Widen(p1 + i + 8, mask), high, b1);
            largest = Avx2.Max(largest, Avx2.And(Avx.LoadVector256(p2 + i), magnitudeMask));
            a2 = Fma.MultiplyAdd(Widen(p2 + i, mask), low, a2);
            b2 = Fma.MultiplyAdd(Widen(p2 + i + 8, mask), high, b2);
            largest = Avx2.Max(largest, Avx2.And(Avx.LoadVector256(p3 + i), magnitudeMask));
            a3 = Fma.MultiplyAdd(Widen(p3 + i, mask), low, a3);
            b3 = Fma.MultiplyAdd(Widen(p3 + i + 8, mask), high, b3);
        }

        if (HasSpecial(largest))
        {
            return false;
        }

        StoreFour(w, rowStride, x, i, cols, F32Dot.Sum(Avx.Add(a0, b0)), F32Dot.Sum(Avx.Add(a1, b1)), F32Dot.Sum(Avx.Add(a2, b2)), F32Dot.Sum(Avx.Add(a3, b3)), y, yStride);
        return true;
    }

    // Four rows rowStride apart against prescaled activations, 32 columns per step: each row's halves are
    // 256-bit loads (512-bit loads stream slower from DRAM on Zen 4), each widened, shifted and masked in one
    // 512-bit register, so a row costs half the instructions per byte of the AVX2 path. The inf/NaN guard
    // keeps signed and unsigned maxima of the raw halves (positive specials are >= 0x7C00 signed, negative
    // ones >= 0xFC00 unsigned): two operations per load and no mask.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Avx512PrescaledFour(ushort* w, long rowStride, int cols, float* x, float* xs, float* y, int yStride)
    {
        var mask = Vector512.Create(unchecked((int)0x8FFF_E000));
        short* p0 = (short*)w, p1 = p0 + rowStride, p2 = p1 + rowStride, p3 = p2 + rowStride;
        Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector512<float> b0 = default, b1 = default, b2 = default, b3 = default;
        var signedMax = Vector256<short>.Zero;
        var unsignedMax = Vector256<ushort>.Zero;
        int i = 0;
        for (; i + 32 <= cols; i += 32)
        {
            var low = Avx512F.LoadVector512(xs + i);
            var high = Avx512F.LoadVector512(xs + i + 16);
            var h0 = Avx.LoadVector256(p0 + i);
            var h1 = Avx.LoadVector256(p1 + i);
            var h2 = Avx.LoadVector256(p2 + i);
            var h3 = Avx.LoadVector256(p3 + i);
            signedMax = Avx2.Max(Avx2.Max(signedMax, h0), Avx2.Max(h1, Avx2.Max(h2, h3)));
            unsignedMax = Avx2.Max(Avx2.Max(unsignedMax, h0.AsUInt16()), Avx2.Max(h1.AsUInt16(), Avx2.Max(h2.AsUInt16(), h3.AsUInt16())));
            a0 = Avx512F.FusedMultiplyAdd(Widen(h0, mask), low, a0);
            a1 = Avx512F.FusedMultiplyAdd(Widen(h1, mask), low, a1);
            a2 = Avx512F.FusedMultiplyAdd(Widen(h2, mask), low, a2);
            a3 = Avx512F.FusedMultiplyAdd(Widen(h3, mask), low, a3);
            h0 = Avx.LoadVector256(p0 + i + 16);
            h1 = Avx.LoadVector256(p1 + i + 16);
            h2 = Avx.LoadVector256(p2 + i + 16);
            h3 = Avx.LoadVector256(p3 + i + 16);
            signedMax = Avx2.Max(Avx2.Max(signedMax, h0), Avx2.Max(h1, Avx2.Max(h2, h3)));
            unsignedMax = Avx2.Max(Avx2.Max(unsignedMax, h0.AsUInt16()), Avx2.Max(h1.AsUInt16(), Avx2.Max(h2.AsUInt16(), h3.AsUInt16())));
            b0 = Avx512F.FusedMultiplyAdd(Widen(h0, mask), high, b0);
            b1 = Avx512F.FusedMultiplyAdd(Widen(h1, mask), high, b1);
            b2 = Avx512F.FusedMultiplyAdd(Widen(h2, mask), high, b2);
            b3 = Avx512F.FusedMultiplyAdd(Widen(h3, mask), high, b3);
        }

        if (HasSpecial(signedMax, unsignedMax))
        {
            return false;
        }

        StoreFour(w, rowStride, x, i, cols, Sum(Avx512F.Add(a0, b0)), Sum(Avx512F.Add(a1, b1)), Sum(Avx512F.Add(a2, b2)), Sum(Avx512F.Add(a3, b3)), y, yStride);
        return true;
    }

    // Every accumulator is reduced before the first call: a vector live across a call is spilled at each
    // definition, which put one store per accumulator into every step of the loop above.
    private static void StoreFour(ushort* w, long rowStride, float* x, int from, int cols, float s0, float s1, float s2, float s3, float* y, int yStride)
    {
        y[0] = Tail(w, x, from, cols, s0);
        y[yStride] = Tail(w + rowStride, x, from, cols, s1);
        y[2 * yStride] = Tail(w + (2 * rowStride), x, from, cols, s2);
        y[3 * yStride] = Tail(w + (3 * rowStride), x, from, cols, s3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Widen(Vector256<short> halves, Vector512<int> mask) =>
        Avx512F.And(Avx512F.ShiftLeftLogical(Avx512F.ConvertToVector512Int32(halves), 13), mask).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Sum(Vector512<float> v) => F32Dot.Sum(Avx.Add(v.GetLower(), v.GetUpper()));

    // Positive specials are the signed maximum's test below; negative ones (0xFC00 and up) the unsigned one's.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasSpecial(Vector256<short> signedMax, Vector256<ushort> unsignedMax)
    {
        var top = Sse41.Max(unsignedMax.GetLower(), unsignedMax.GetUpper());
        top = Sse41.Max(top, Sse2.ShiftRightLogical128BitLane(top, 8));
        top = Sse41.Max(top, Sse2.ShiftRightLogical128BitLane(top, 4));
        top = Sse41.Max(top, Sse2.ShiftRightLogical128BitLane(top, 2));
        return HasSpecial(signedMax) || top.ToScalar() >= 0xFC00;
    }

    // Exponent 31 (inf/NaN) means a magnitude of at least 0x7C00.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasSpecial(Vector256<short> largest)
    {
        var top = Sse2.Max(largest.GetLower(), largest.GetUpper());
        top = Sse2.Max(top, Sse2.ShiftRightLogical128BitLane(top, 8));
        top = Sse2.Max(top, Sse2.ShiftRightLogical128BitLane(top, 4));
        top = Sse2.Max(top, Sse2.ShiftRightLogical128BitLane(top, 2));
        return top.ToScalar() >= 0x7C00;
    }

    // Same accumulator layout and reduction as Avx2One, so the sums match it bit for bit.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Avx2Prescaled(ushort* w, int cols, float* x, float* xs, float* y)
    {
        var mask = Vector256.Create(unchecked((int)0x8FFF_E000));
        var magnitudeMask = Vector256.Create((short)0x7FFF);
        var acc0 = Vector256<float>.Zero;
        var acc1 = Vector256<float>.Zero;
        var acc2 = Vector256<float>.Zero;
        var acc3 = Vector256<float>.Zero;
        var largest = Vector256<short>.Zero;
        int i = 0;
        for (; i + 32 <= cols; i += 32)
        {
            short* p = (short*)(w + i);
            largest = Avx2.Max(largest, Avx2.And(Avx.LoadVector256(p), magnitudeMask));
            largest = Avx2.Max(largest, Avx2.And(Avx.LoadVector256(p + 16), magnitudeMask));
            acc0 = Fma.MultiplyAdd(Widen(p, mask), Avx.LoadVector256(xs + i), acc0);
            acc1 = Fma.MultiplyAdd(Widen(p + 8, mask), Avx.LoadVector256(xs + i + 8), acc1);
            acc2 = Fma.MultiplyAdd(Widen(p + 16, mask), Avx.LoadVector256(xs + i + 16), acc2);
            acc3 = Fma.MultiplyAdd(Widen(p + 24, mask), Avx.LoadVector256(xs + i + 24), acc3);
        }

        for (; i + 16 <= cols; i += 16)
        {
            short* p = (short*)(w + i);
            largest = Avx2.Max(largest, Avx2.And(Avx.LoadVector256(p), magnitudeMask));
            acc0 = Fma.MultiplyAdd(Widen(p, mask), Avx.LoadVector256(xs + i), acc0);
            acc1 = Fma.MultiplyAdd(Widen(p + 8, mask), Avx.LoadVector256(xs + i + 8), acc1);
        }

        if (HasSpecial(largest))
        {
            return false;
        }

        float sum = F32Dot.Sum(Avx.Add(Avx.Add(acc0, acc1), Avx.Add(acc2, acc3)));
        *y = Tail(w, x, i, cols, sum);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Widen(short* halves, Vector256<int> mask) =>
        Avx2.And(Avx2.ShiftLeftLogical(Avx2.ConvertToVector256Int32(halves), 13), mask).AsSingle();

    private static float Tail(ushort* w, float* x, int from, int cols, float sum)
    {
        for (int i = from; i < cols; i++)
        {
            sum = MathF.FusedMultiplyAdd(HalfConversion.ToSingle(w[i]), x[i], sum);
        }

        return sum;
    }
}
