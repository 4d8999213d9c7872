using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Measure.Workloads.Llm.Benchmark;

/// <summary>
/// Measures sustained memory read bandwidth the way decoding uses it: streaming a buffer far larger
/// than the caches, split across threads, best of several passes. Decode throughput is reported as a
/// fraction of this figure divided by the weight bytes per token.
/// </summary>
public static class MemoryBandwidthProbe
{
    /// <summary>Bytes per second read from a <paramref name="bufferBytes"/> buffer by <paramref name="threads"/> threads.</summary>
    public static double MeasureReadBytesPerSecond(int threads, long bufferBytes = 512L << 20, int passes = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferBytes, 1L << 20);
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
        var floats = (int)Math.Min(bufferBytes / 4, Array.MaxLength);
        var buffer = GC.AllocateUninitializedArray<float>(floats, pinned: true);
        buffer.AsSpan().Fill(1f); // touch every page so the first pass does not time page faults
        double best = 0;
        var sink = 0f;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        for (int pass = 0; pass < passes; pass++)
        {
            var chunk = (floats + threads - 1) / threads;
            var partial = new float[threads];
            var start = Stopwatch.GetTimestamp();
            Parallel.For(0, threads, options, t =>
            {
                var begin = t * chunk;
                partial[t] = Sum(buffer.AsSpan(begin, Math.Min(chunk, floats - begin)));
            });
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            sink += partial.Sum();
            best = Math.Max(best, floats * 4.0 / seconds);
        }

        GC.KeepAlive(sink);
        return best;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Sum(ReadOnlySpan<float> values)
    {
        ref var r = ref MemoryMarshal.GetReference(values);
        var a = Vector256<float>.Zero;
        var b = Vector256<float>.Zero;
        var c = Vector256<float>.Zero;
        var d = Vector256<float>.Zero;
        int i = 0;
        for (; i + 32 <= values.Length; i += 32)
        {
            a += Vector256.LoadUnsafe(ref r, (nuint)i);
            b += Vector256.LoadUnsafe(ref r, (nuint)(i + 8));
            c += Vector256.LoadUnsafe(ref r, (nuint)(i + 16));
            d += Vector256.LoadUnsafe(ref r, (nuint)(i + 24));
        }

        var sum = Vector256.Sum(a + b + c + d);
        for (; i < values.Length; i++)
        {
            sum += values[i];
        }

        return sum;
    }
}
