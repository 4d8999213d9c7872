using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Threading;

namespace Measure.Kernels.Roofline;

/// <summary>
/// Register-resident loops that keep the multiply units busy: twelve independent accumulator chains,
/// each feeding back into itself so the JIT cannot hoist anything out of the loop. The int8 loop is
/// the instruction mix the int8 kernels use (u8 x s8 pairs, widened and summed into int32: vpmaddubsw +
/// vpmaddwd, or vpdpbusd / sdot where the CPU has them); the FP32 loop is FMA. The avx512 family runs
/// both at 512 bits: on cores with full-width units that doubles the peak, on those that split 512-bit
/// operations in two (Zen 4) it equals the 256-bit figure, so kernels are never measured against less
/// than the widest the family can issue.
/// </summary>
internal static class ComputePeak
{
    public enum Kind
    {
        Int8,
        Fp32,
    }

    /// <summary>Best of <paramref name="repeats"/> runs on every thread of the context, in G ops/s.</summary>
    public static unsafe double Measure(KernelContext context, Kind kind, long iterations, int repeats)
    {
        int* sink = stackalloc int[context.Threads];
        var job = new PeakJob { Isa = context.Isa, Kind = kind, Iterations = iterations, Sink = sink };
        double best = 0;
        for (int r = 0; r < repeats; r++)
        {
            long started = Stopwatch.GetTimestamp();
            context.Run(ref job, context.Threads, 1);
            double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            best = Math.Max(best, OpsPerIteration(context.Isa, kind) * iterations * context.Threads / seconds / 1e9);
        }

        return best;
    }

    /// <summary>Operations per loop iteration: 12 chains x lanes x 2 (multiply and add).</summary>
    internal static double OpsPerIteration(KernelIsa isa, Kind kind) => 12 * 2 * (isa, kind) switch
    {
        (KernelIsa.Avx512, Kind.Int8) => 64,
        (KernelIsa.Avx2, Kind.Int8) => 32,
        (KernelIsa.Vector128, Kind.Int8) => 16,
        (KernelIsa.Avx512, Kind.Fp32) => 16,
        (KernelIsa.Avx2, Kind.Fp32) => 8,
        (KernelIsa.Vector128, Kind.Fp32) => 4,
        _ => 1,
    };

    private unsafe struct PeakJob : IRangeJob
    {
        public KernelIsa Isa;
        public Kind Kind;
        public long Iterations;
        public int* Sink;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Execute(int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                Sink[i] = (Isa, Kind) switch
                {
                    (KernelIsa.Avx512, Kind.Int8) => Int8Avx512(Iterations),
                    (KernelIsa.Avx2, Kind.Int8) => Int8Avx2(Iterations),
                    (KernelIsa.Vector128, Kind.Int8) => Int8Vector128(Iterations),
                    (_, Kind.Int8) => Int8Scalar(Iterations),
                    (KernelIsa.Avx512, _) => (int)Fp32Avx512(Iterations),
                    (KernelIsa.Avx2, _) => (int)Fp32Avx2(Iterations),
                    (KernelIsa.Vector128, _) => (int)Fp32Vector128(Iterations),
                    _ => (int)Fp32Scalar(Iterations),
                };
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Mac(Vector256<int> acc, Vector256<byte> u)
    {
        if (AvxVnni.IsSupported)
        {
            return AvxVnni.MultiplyWideningAndAdd(acc, u, acc.AsSByte());
        }

        return Avx2.Add(acc, Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(u, acc.AsSByte()), Vector256.Create((short)1)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Int8Avx2(long iterations)
    {
        var u = Vector256.Create((byte)3);
        Vector256<int> a0 = Vector256.Create(1), a1 = Vector256.Create(2), a2 = Vector256.Create(3), a3 = Vector256.Create(4);
        Vector256<int> a4 = Vector256.Create(5), a5 = Vector256.Create(6), a6 = Vector256.Create(7), a7 = Vector256.Create(8);
        Vector256<int> a8 = Vector256.Create(9), a9 = Vector256.Create(10), a10 = Vector256.Create(11), a11 = Vector256.Create(12);
        for (long i = 0; i < iterations; i++)
        {
            a0 = Mac(a0, u); a1 = Mac(a1, u); a2 = Mac(a2, u); a3 = Mac(a3, u);
            a4 = Mac(a4, u); a5 = Mac(a5, u); a6 = Mac(a6, u); a7 = Mac(a7, u);
            a8 = Mac(a8, u); a9 = Mac(a9, u); a10 = Mac(a10, u); a11 = Mac(a11, u);
        }

        return Vector256.Sum((a0 ^ a1 ^ a2 ^ a3) ^ (a4 ^ a5 ^ a6 ^ a7) ^ (a8 ^ a9 ^ a10 ^ a11));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> Mac(Vector512<int> acc, Vector512<byte> u) =>
        Avx512F.Add(acc, Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(u, acc.AsSByte()), Vector512.Create((short)1)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Int8Avx512(long iterations)
    {
        var u = Vector512.Create((byte)3);
        Vector512<int> a0 = Vector512.Create(1), a1 = Vector512.Create(2), a2 = Vector512.Create(3), a3 = Vector512.Create(4);
        Vector512<int> a4 = Vector512.Create(5), a5 = Vector512.Create(6), a6 = Vector512.Create(7), a7 = Vector512.Create(8);
        Vector512<int> a8 = Vector512.Create(9), a9 = Vector512.Create(10), a10 = Vector512.Create(11), a11 = Vector512.Create(12);
        for (long i = 0; i < iterations; i++)
        {
            a0 = Mac(a0, u); a1 = Mac(a1, u); a2 = Mac(a2, u); a3 = Mac(a3, u);
            a4 = Mac(a4, u); a5 = Mac(a5, u); a6 = Mac(a6, u); a7 = Mac(a7, u);
            a8 = Mac(a8, u); a9 = Mac(a9, u); a10 = Mac(a10, u); a11 = Mac(a11, u);
        }

        return Vector512.Sum((a0 ^ a1 ^ a2 ^ a3) ^ (a4 ^ a5 ^ a6 ^ a7) ^ (a8 ^ a9 ^ a10 ^ a11));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Fp32Avx512(long iterations)
    {
        var m = Vector512.Create(0.999999f);
        var c = Vector512.Create(1e-7f);
        Vector512<float> a0 = Vector512.Create(1f), a1 = Vector512.Create(2f), a2 = Vector512.Create(3f), a3 = Vector512.Create(4f);
        Vector512<float> a4 = Vector512.Create(5f), a5 = Vector512.Create(6f), a6 = Vector512.Create(7f), a7 = Vector512.Create(8f);
        Vector512<float> a8 = Vector512.Create(9f), a9 = Vector512.Create(10f), a10 = Vector512.Create(11f), a11 = Vector512.Create(12f);
        for (long i = 0; i < iterations; i++)
        {
            a0 = Avx512F.FusedMultiplyAdd(a0, m, c); a1 = Avx512F.FusedMultiplyAdd(a1, m, c); a2 = Avx512F.FusedMultiplyAdd(a2, m, c);
            a3 = Avx512F.FusedMultiplyAdd(a3, m, c); a4 = Avx512F.FusedMultiplyAdd(a4, m, c); a5 = Avx512F.FusedMultiplyAdd(a5, m, c);
            a6 = Avx512F.FusedMultiplyAdd(a6, m, c); a7 = Avx512F.FusedMultiplyAdd(a7, m, c); a8 = Avx512F.FusedMultiplyAdd(a8, m, c);
            a9 = Avx512F.FusedMultiplyAdd(a9, m, c); a10 = Avx512F.FusedMultiplyAdd(a10, m, c); a11 = Avx512F.FusedMultiplyAdd(a11, m, c);
        }

        return Vector512.Sum((a0 + a1 + a2 + a3) + (a4 + a5 + a6 + a7) + (a8 + a9 + a10 + a11));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Mac(Vector128<int> acc, Vector128<byte> u)
    {
        if (Ssse3.IsSupported)
        {
            return Sse2.Add(acc, Sse2.MultiplyAddAdjacent(Ssse3.MultiplyAddAdjacent(u, acc.AsSByte()), Vector128.Create((short)1)));
        }

        if (Dp.IsSupported)
        {
            return Dp.DotProduct(acc, u.AsSByte(), acc.AsSByte());
        }

        return acc + Dot.Int8Groups.Dot128Portable(u.AsSByte(), acc.AsSByte());
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Int8Vector128(long iterations)
    {
        var u = Vector128.Create((byte)3);
        Vector128<int> a0 = Vector128.Create(1), a1 = Vector128.Create(2), a2 = Vector128.Create(3), a3 = Vector128.Create(4);
        Vector128<int> a4 = Vector128.Create(5), a5 = Vector128.Create(6), a6 = Vector128.Create(7), a7 = Vector128.Create(8);
        Vector128<int> a8 = Vector128.Create(9), a9 = Vector128.Create(10), a10 = Vector128.Create(11), a11 = Vector128.Create(12);
        for (long i = 0; i < iterations; i++)
        {
            a0 = Mac(a0, u); a1 = Mac(a1, u); a2 = Mac(a2, u); a3 = Mac(a3, u);
            a4 = Mac(a4, u); a5 = Mac(a5, u); a6 = Mac(a6, u); a7 = Mac(a7, u);
            a8 = Mac(a8, u); a9 = Mac(a9, u); a10 = Mac(a10, u); a11 = Mac(a11, u);
        }

        return Vector128.Sum((a0 ^ a1 ^ a2 ^ a3) ^ (a4 ^ a5 ^ a6 ^ a7) ^ (a8 ^ a9 ^ a10 ^ a11));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Int8Scalar(long iterations)
    {
        int a0 = 1, a1 = 2, a2 = 3, a3 = 4, a4 = 5, a5 = 6, a6 = 7, a7 = 8, a8 = 9, a9 = 10, a10 = 11, a11 = 12;
        for (long i = 0; i < iterations; i++)
        {
            a0 += 3 * (sbyte)a0; a1 += 3 * (sbyte)a1; a2 += 3 * (sbyte)a2; a3 += 3 * (sbyte)a3;
            a4 += 3 * (sbyte)a4; a5 += 3 * (sbyte)a5; a6 += 3 * (sbyte)a6; a7 += 3 * (sbyte)a7;
            a8 += 3 * (sbyte)a8; a9 += 3 * (sbyte)a9; a10 += 3 * (sbyte)a10; a11 += 3 * (sbyte)a11;
        }

        return a0 ^ a1 ^ a2 ^ a3 ^ a4 ^ a5 ^ a6 ^ a7 ^ a8 ^ a9 ^ a10 ^ a11;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Fp32Avx2(long iterations)
    {
        var m = Vector256.Create(0.999999f);
        var c = Vector256.Create(1e-7f);
        Vector256<float> a0 = Vector256.Create(1f), a1 = Vector256.Create(2f), a2 = Vector256.Create(3f), a3 = Vector256.Create(4f);
        Vector256<float> a4 = Vector256.Create(5f), a5 = Vector256.Create(6f), a6 = Vector256.Create(7f), a7 = Vector256.Create(8f);
        Vector256<float> a8 = Vector256.Create(9f), a9 = Vector256.Create(10f), a10 = Vector256.Create(11f), a11 = Vector256.Create(12f);
        for (long i = 0; i < iterations; i++)
        {
            a0 = Fma.MultiplyAdd(a0, m, c); a1 = Fma.MultiplyAdd(a1, m, c); a2 = Fma.MultiplyAdd(a2, m, c);
            a3 = Fma.MultiplyAdd(a3, m, c); a4 = Fma.MultiplyAdd(a4, m, c); a5 = Fma.MultiplyAdd(a5, m, c);
            a6 = Fma.MultiplyAdd(a6, m, c); a7 = Fma.MultiplyAdd(a7, m, c); a8 = Fma.MultiplyAdd(a8, m, c);
            a9 = Fma.MultiplyAdd(a9, m, c); a10 = Fma.MultiplyAdd(a10, m, c); a11 = Fma.MultiplyAdd(a11, m, c);
        }

        return Vector256.Sum((a0 + a1 + a2 + a3) + (a4 + a5 + a6 + a7) + (a8 + a9 + a10 + a11));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Fp32Vector128(long iterations)
    {
        var m = Vector128.Create(0.999999f);
        var c = Vector128.Create(1e-7f);
        Vector128<float> a0 = Vector128.Create(1f), a1 = Vector128.Create(2f), a2 = Vector128.Create(3f), a3 = Vector128.Create(4f);
        Vector128<float> a4 = Vector128.Create(5f), a5 = Vector128.Create(6f), a6 = Vector128.Create(7f), a7 = Vector128.Create(8f);
        Vector128<float> a8 = Vector128.Create(9f), a9 = Vector128.Create(10f), a10 = Vector128.Create(11f), a11 = Vector128.Create(12f);
        for (long i = 0; i < iterations; i++)
        {
            a0 = Vector128.FusedMultiplyAdd(a0, m, c); a1 = Vector128.FusedMultiplyAdd(a1, m, c); a2 = Vector128.FusedMultiplyAdd(a2, m, c);
            a3 = Vector128.FusedMultiplyAdd(a3, m, c); a4 = Vector128.FusedMultiplyAdd(a4, m, c); a5 = Vector128.FusedMultiplyAdd(a5, m, c);
            a6 = Vector128.FusedMultiplyAdd(a6, m, c); a7 = Vector128.FusedMultiplyAdd(a7, m, c); a8 = Vector128.FusedMultiplyAdd(a8, m, c);
            a9 = Vector128.FusedMultiplyAdd(a9, m, c); a10 = Vector128.FusedMultiplyAdd(a10, m, c); a11 = Vector128.FusedMultiplyAdd(a11, m, c);
        }

        return Vector128.Sum((a0 + a1 + a2 + a3) + (a4 + a5 + a6 + a7) + (a8 + a9 + a10 + a11));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Fp32Scalar(long iterations)
    {
        float a0 = 1, a1 = 2, a2 = 3, a3 = 4, a4 = 5, a5 = 6, a6 = 7, a7 = 8, a8 = 9, a9 = 10, a10 = 11, a11 = 12;
        const float m = 0.999999f, c = 1e-7f;
        for (long i = 0; i < iterations; i++)
        {
            a0 = MathF.FusedMultiplyAdd(a0, m, c); a1 = MathF.FusedMultiplyAdd(a1, m, c); a2 = MathF.FusedMultiplyAdd(a2, m, c);
            a3 = MathF.FusedMultiplyAdd(a3, m, c); a4 = MathF.FusedMultiplyAdd(a4, m, c); a5 = MathF.FusedMultiplyAdd(a5, m, c);
            a6 = MathF.FusedMultiplyAdd(a6, m, c); a7 = MathF.FusedMultiplyAdd(a7, m, c); a8 = MathF.FusedMultiplyAdd(a8, m, c);
            a9 = MathF.FusedMultiplyAdd(a9, m, c); a10 = MathF.FusedMultiplyAdd(a10, m, c); a11 = MathF.FusedMultiplyAdd(a11, m, c);
        }

        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;
    }
}
