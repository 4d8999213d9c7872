using System.Runtime.CompilerServices;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Threading;

namespace Measure.Kernels.Roofline;

/// <summary>
/// Streams a buffer far larger than the last-level cache and reports the best rate over 128 MiB windows
/// (each still 4x the largest LLCs), in GB/s. Short windows make the best-of robust on a shared machine,
/// the same way the kernel benchmark takes its fastest call. The read loop uses the kernels' vector width;
/// the AVX2 loop reads eight streams per thread, the 128-bit loop four (one stream under-read this Zen3 VM
/// by 30%: 20 vs 28 GB/s).
/// </summary>
internal sealed unsafe class ReadBandwidth : IDisposable
{
    private const int ChunkBytes = 1 << 20;
    private const int WindowChunks = 128;
    private const int Streams = 8;
    private readonly byte* _buffer;
    private readonly long _chunks;
    private readonly ulong[] _sinks;

    public ReadBandwidth(long bytes)
    {
        _chunks = Math.Max(1, bytes / ChunkBytes);
        Bytes = _chunks * ChunkBytes;
        _buffer = (byte*)NativeMemory.AlignedAlloc((nuint)Bytes, 4096);

        // Touch every page with non-zero data so reads hit real memory, not the shared zero page.
        new Span<byte>(_buffer, ChunkBytes).Fill(0x5A);
        for (long c = 1; c < _chunks; c++)
        {
            new Span<byte>(_buffer, ChunkBytes).CopyTo(new Span<byte>(_buffer + (c * ChunkBytes), ChunkBytes));
        }

        _sinks = new ulong[_chunks];
    }

    public long Bytes { get; }

    /// <summary>Best window rate over <paramref name="passes"/> full passes, GB/s.</summary>
    public double Measure(KernelContext context, int passes) => Sample(context, passes).Max(w => w.WallGBps);

    /// <summary>Every window of <paramref name="passes"/> full passes with its wall time and the process CPU
    /// time it took: on a shared machine the CPU-time rate shows what the reads cost when they did run.</summary>
    public List<BandwidthWindow> Sample(KernelContext context, int passes)
    {
        var windows = new List<BandwidthWindow>();
        int window = (int)Math.Min(WindowChunks, _chunks);
        fixed (ulong* sinks = _sinks)
        {
            for (int pass = 0; pass < passes; pass++)
            {
                for (long first = 0; first + window <= _chunks; first += window)
                {
                    var job = new ReadJob { Isa = context.Isa, Buffer = _buffer + (first * ChunkBytes), Sinks = sinks + first };
                    var cpuBefore = Environment.CpuUsage.TotalTime;
                    long started = Stopwatch.GetTimestamp();
                    context.Run(ref job, window, 4);
                    double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                    double cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
                    windows.Add(new BandwidthWindow((double)window * ChunkBytes, seconds, cpu / context.Threads));
                }
            }
        }

        return windows;
    }

    public void Dispose() => NativeMemory.AlignedFree(_buffer);

    private struct ReadJob : IRangeJob
    {
        public KernelIsa Isa;
        public byte* Buffer;
        public ulong* Sinks;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Execute(int start, int end)
        {
            for (int chunk = start; chunk < end; chunk++)
            {
                byte* p = Buffer + ((long)chunk * ChunkBytes);
                Sinks[chunk] = Isa switch
                {
                    KernelIsa.Avx2 or KernelIsa.Avx512 => Read256(p),
                    KernelIsa.Vector128 => Read128(p),
                    _ => ReadScalar(p),
                };
            }
        }

        // Several sequential streams per thread (as a GEMV reading several rows at once does): one stream
        // leaves the core's miss buffers half idle and under-reads what the memory system delivers.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static ulong Read256(byte* p)
        {
            const int stream = ChunkBytes / Streams;
            byte* q0 = p, q1 = p + stream, q2 = p + (2 * stream), q3 = p + (3 * stream);
            byte* q4 = p + (4 * stream), q5 = p + (5 * stream), q6 = p + (6 * stream), q7 = p + (7 * stream);
            Vector256<byte> a = default, b = default, c = default, d = default;
            for (int i = 0; i < stream; i += 64)
            {
                a = Avx2.Xor(a, Avx2.Xor(Avx.LoadAlignedVector256(q0 + i), Avx.LoadAlignedVector256(q0 + i + 32)));
                b = Avx2.Xor(b, Avx2.Xor(Avx.LoadAlignedVector256(q1 + i), Avx.LoadAlignedVector256(q1 + i + 32)));
                c = Avx2.Xor(c, Avx2.Xor(Avx.LoadAlignedVector256(q2 + i), Avx.LoadAlignedVector256(q2 + i + 32)));
                d = Avx2.Xor(d, Avx2.Xor(Avx.LoadAlignedVector256(q3 + i), Avx.LoadAlignedVector256(q3 + i + 32)));
                a = Avx2.Xor(a, Avx2.Xor(Avx.LoadAlignedVector256(q4 + i), Avx.LoadAlignedVector256(q4 + i + 32)));
                b = Avx2.Xor(b, Avx2.Xor(Avx.LoadAlignedVector256(q5 + i), Avx.LoadAlignedVector256(q5 + i + 32)));
                c = Avx2.Xor(c, Avx2.Xor(Avx.LoadAlignedVector256(q6 + i), Avx.LoadAlignedVector256(q6 + i + 32)));
                d = Avx2.Xor(d, Avx2.Xor(Avx.LoadAlignedVector256(q7 + i), Avx.LoadAlignedVector256(q7 + i + 32)));
            }

            return ((a ^ b) ^ (c ^ d)).AsUInt64().GetElement(0);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static ulong Read128(byte* p)
        {
            const int stream = ChunkBytes / 4;
            byte* q0 = p, q1 = p + stream, q2 = p + (2 * stream), q3 = p + (3 * stream);
            Vector128<byte> a = default, b = default, c = default, d = default;
            for (int i = 0; i < stream; i += 32)
            {
                a ^= Vector128.LoadAligned(q0 + i) ^ Vector128.LoadAligned(q0 + i + 16);
                b ^= Vector128.LoadAligned(q1 + i) ^ Vector128.LoadAligned(q1 + i + 16);
                c ^= Vector128.LoadAligned(q2 + i) ^ Vector128.LoadAligned(q2 + i + 16);
                d ^= Vector128.LoadAligned(q3 + i) ^ Vector128.LoadAligned(q3 + i + 16);
            }

            return ((a ^ b) ^ (c ^ d)).AsUInt64().GetElement(0);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static ulong ReadScalar(byte* p)
        {
            ulong a = 0, b = 0;
            ulong* q = (ulong*)p;
            for (int i = 0; i < ChunkBytes / 8; i += 2)
            {
                a ^= q[i];
                b ^= q[i + 1];
            }

            return a ^ b;
        }
    }
}
