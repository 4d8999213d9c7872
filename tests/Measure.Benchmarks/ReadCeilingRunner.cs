using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Roofline;
using Measure.Kernels.Threading;

namespace Measure.Benchmarks;

/// <summary>
/// `--runner --read-ceiling`: how fast one thread reads DRAM while doing a GEMV's work on every loaded vector.
/// Each mix streams the read probe's pattern (eight sequential streams per 1 MiB chunk, best 128 MiB
/// window of a 1 GiB buffer) through the vector operations one kernel applies to each loaded vector, so
/// the ratio to the probe's own loop (one operation per 32 bytes) is the one-thread bandwidth fraction
/// that kernel's instruction mix can reach on this core, whatever its blocking. Mixes alternate over
/// `--rounds` (default 3) rounds; each prints its best window. AVX2 (256-bit) loops.
/// </summary>
internal static unsafe class ReadCeilingRunner
{
    private const int ChunkBytes = 1 << 20;
    private const int WindowChunks = 128;
    private const int Streams = 8;
    private const int StreamBytes = ChunkBytes / Streams;

    // 2^112, the FP16 kernels' activation prescale: products stay normal floats, as in the kernel.
    private const float Prescale = 5.192296858534828e33f;

    public static int Run(string[] args)
    {
        if (!Avx2.IsSupported || !Fma.IsSupported)
        {
            Console.Error.WriteLine("--read-ceiling needs AVX2 and FMA");
            return 2;
        }

        int rounds = int.Parse(RunnerCommand.Value(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        long bytes = 1L << 30;
        byte* buffer = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, 4096);
        try
        {
            // Small signed values in every byte: real pages, and int8 / FP16 / FP32 operands that stay finite.
            var pattern = new byte[ChunkBytes];
            new Random(7).NextBytes(pattern);
            for (int i = 0; i < pattern.Length; i++)
            {
                pattern[i] &= 0x3F;
            }

            for (long c = 0; c < bytes / ChunkBytes; c++)
            {
                pattern.CopyTo(new Span<byte>(buffer + (c * ChunkBytes), ChunkBytes));
            }

            var mixes = new (string Name, string Work, Func<long, double> Window)[]
            {
                ("read", "probe loop: xor into an accumulator", first => Window<XorMix>(buffer + first)),
                ("fp32", "FP32 GEMV: FMA", first => Window<Fp32Mix>(buffer + first)),
                ("fp16", "FP16 GEMV: widen, shift, mask, FMA per 8 halves", first => Window<Fp16Mix>(buffer + first)),
                ("fp16w", "one widening instruction + one add per 8 halves (vcvtph2ps + FMA: no .NET API)", first => Window<OneWidenMix>(buffer + first)),
                ("int8", "int8 groups: abs, sign, vpmaddubsw, vpmaddwd, add", first => Window<Int8Mix>(buffer + first)),
                ("q8_0", "Q8_0 GEMV block: int8 groups, convert, FMA", first => Window<Q8_0Mix>(buffer + first)),
            };
            var best = new double[mixes.Length];
            for (int round = 0; round < rounds; round++)
            {
                for (int m = 0; m < mixes.Length; m++)
                {
                    for (long first = 0; first + ((long)WindowChunks * ChunkBytes) <= bytes; first += (long)WindowChunks * ChunkBytes)
                    {
                        best[m] = Math.Max(best[m], mixes[m].Window(first));
                    }
                }
            }

            // The agent's probe on its own buffer, as the kernel benchmark measures it (after this run's mixes).
            double probe;
            using (var context = new KernelContext(1))
            using (var reader = new ReadBandwidth(bytes))
            {
                reader.Measure(context, 1);
                probe = reader.Measure(context, 4);
            }

            Console.WriteLine(FormattableString.Invariant($"probe read (1 thread, {KernelRegistry.Name(KernelRegistry.Selected)}): {probe:F1} GB/s"));
            Console.WriteLine("mix    GB/s   of-read  of-probe  work per loaded vector (one thread, eight streams)");
            for (int m = 0; m < mixes.Length; m++)
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"{mixes[m].Name,-5} {best[m],6:F1} {best[m] / best[0],8:F2} {best[m] / probe,9:F2}  {mixes[m].Work}"));
            }

            return 0;
        }
        finally
        {
            NativeMemory.AlignedFree(buffer);
        }
    }

    // GB/s of one 128 MiB window; the result feeds a sink so no loop is dead code.
    private static double Window<TMix>(byte* first)
        where TMix : struct, IReadMix
    {
        var sink = Vector256<int>.Zero;
        long started = Stopwatch.GetTimestamp();
        for (int c = 0; c < WindowChunks; c++)
        {
            sink = Avx2.Xor(sink, Chunk<TMix>(first + ((long)c * ChunkBytes)));
        }

        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Sink = Avx2.Xor(Sink, sink);
        return (double)WindowChunks * ChunkBytes / seconds / 1e9;
    }

    private static Vector256<int> Sink { get; set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector256<int> Chunk<TMix>(byte* p)
        where TMix : struct, IReadMix
    {
        Vector256<int> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector256<int> a4 = default, a5 = default, a6 = default, a7 = default;
        for (int i = 0; i < StreamBytes; i += 64)
        {
            a0 = TMix.Step(p + i, a0);
            a1 = TMix.Step(p + StreamBytes + i, a1);
            a2 = TMix.Step(p + (2 * StreamBytes) + i, a2);
            a3 = TMix.Step(p + (3 * StreamBytes) + i, a3);
            a4 = TMix.Step(p + (4 * StreamBytes) + i, a4);
            a5 = TMix.Step(p + (5 * StreamBytes) + i, a5);
            a6 = TMix.Step(p + (6 * StreamBytes) + i, a6);
            a7 = TMix.Step(p + (7 * StreamBytes) + i, a7);
        }

        return Avx2.Xor(Avx2.Xor(Avx2.Xor(a0, a1), Avx2.Xor(a2, a3)), Avx2.Xor(Avx2.Xor(a4, a5), Avx2.Xor(a6, a7)));
    }

    /// <summary>The work a kernel does on the 64 bytes (one cache line) at <paramref name="p"/>, folded into its accumulator.</summary>
    private interface IReadMix
    {
        static abstract Vector256<int> Step(byte* p, Vector256<int> acc);
    }

    // The probe's own loop (ReadBandwidth): the line's two halves xor-ed, then into the accumulator.
    private struct XorMix : IReadMix
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<int> Step(byte* p, Vector256<int> acc) =>
            Avx2.Xor(acc, Avx2.Xor(Avx.LoadAlignedVector256((int*)p), Avx.LoadAlignedVector256((int*)(p + 32))));
    }

    private struct Fp32Mix : IReadMix
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<int> Step(byte* p, Vector256<int> acc) => Half(p + 32, Half(p, acc));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> Half(byte* p, Vector256<int> acc) =>
            Fma.MultiplyAdd(Avx.LoadVector256((float*)p), Vector256.Create(0.5f), acc.AsSingle()).AsInt32();
    }

    private struct Fp16Mix : IReadMix
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<int> Step(byte* p, Vector256<int> acc) => Half(p + 32, Half(p, acc));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> Half(byte* p, Vector256<int> acc)
        {
            var mask = Vector256.Create(unchecked((int)0x8FFF_E000));
            var low = Avx2.And(Avx2.ShiftLeftLogical(Avx2.ConvertToVector256Int32((short*)p), 13), mask).AsSingle();
            var high = Avx2.And(Avx2.ShiftLeftLogical(Avx2.ConvertToVector256Int32((short*)p + 8), 13), mask).AsSingle();
            return Fma.MultiplyAdd(high, Vector256.Create(Prescale), Fma.MultiplyAdd(low, Vector256.Create(Prescale), acc.AsSingle())).AsInt32();
        }
    }

    // vpmovsxwd from memory and an add stand in for F16C's vcvtph2ps and the FMA: two instructions per eight
    // halves (an FMA on the widened integers would run on denormals).
    private struct OneWidenMix : IReadMix
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<int> Step(byte* p, Vector256<int> acc) => Half(p + 48, Half(p + 32, Half(p + 16, Half(p, acc))));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> Half(byte* p, Vector256<int> acc) =>
            Avx2.Add(Avx2.ConvertToVector256Int32((short*)p), acc);
    }

    private struct Int8Mix : IReadMix
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<int> Step(byte* p, Vector256<int> acc) => Avx2.Add(Avx2.Add(acc, Int8Groups(p)), Int8Groups(p + 32));
    }

    private struct Q8_0Mix : IReadMix
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<int> Step(byte* p, Vector256<int> acc) => Half(p + 32, Half(p, acc));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> Half(byte* p, Vector256<int> acc) =>
            Fma.MultiplyAdd(Avx.ConvertToVector256Single(Int8Groups(p)), Vector256.Create(0.5f), acc.AsSingle()).AsInt32();
    }

    // The Q8_0 kernels' integer work per block: |w| times x signed by w, pairs then quads to int32.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Int8Groups(byte* p)
    {
        var w = Avx.LoadVector256((sbyte*)p);
        var x = Vector256.Create((sbyte)3);
        var pairs = Avx2.MultiplyAddAdjacent(Avx2.Abs(w), Avx2.Sign(x, w));
        return Avx2.MultiplyAddAdjacent(pairs, Vector256.Create((short)1));
    }
}
