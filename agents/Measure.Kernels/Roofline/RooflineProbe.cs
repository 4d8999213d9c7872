using System.Diagnostics;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Threading;

namespace Measure.Kernels.Roofline;

/// <summary>
/// Measures <see cref="DeviceLimits"/> in a few seconds: read bandwidth over a buffer far larger than
/// any last-level cache, then int8 and FP32 peaks from register-resident loops, on one thread and on
/// all threads, with the kernels' own ISA.
/// </summary>
public static class RooflineProbe
{
    /// <summary>Default bandwidth buffer: 1 GiB, capped at a quarter of the memory available to the process.</summary>
    public const long DefaultBufferBytes = 1L << 30;

    /// <summary>Runs the probe. <paramref name="quick"/> uses a smaller buffer (256 MiB) and shorter loops.</summary>
    public static DeviceLimits Measure(int? threads = null, KernelIsa? isa = null, long? bufferBytes = null, bool quick = false)
    {
        using var all = new KernelContext(threads, isa);
        using var one = new KernelContext(1, all.Isa);
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4;
        long requested = bufferBytes ?? (quick ? 256L << 20 : DefaultBufferBytes);
        if (requested < 1 << 20)
        {
            throw new ArgumentException($"bufferBytes must be at least 1 MiB, got {requested}", nameof(bufferBytes));
        }

        long size = Math.Max(1L << 20, Math.Min(requested, available));
        int passes = quick ? 6 : 4;
        double bandwidth1, bandwidthAll;
        using (var reader = new ReadBandwidth(size))
        {
            reader.Measure(all, 1); // warm-up: page mapping, TLBs, frequency ramp
            bandwidth1 = reader.Measure(one, passes);
            bandwidthAll = reader.Measure(all, passes);
            size = reader.Bytes;
        }

        // Many short runs, best taken: on a shared machine the fastest run is the least disturbed one.
        double seconds = quick ? 0.01 : 0.02;
        int repeats = quick ? 8 : 15;
        long int8Iterations = Calibrate(one, ComputePeak.Kind.Int8, seconds);
        long fp32Iterations = Calibrate(one, ComputePeak.Kind.Fp32, seconds);
        return new DeviceLimits(
            bandwidth1,
            bandwidthAll,
            ComputePeak.Measure(one, ComputePeak.Kind.Int8, int8Iterations, repeats),
            ComputePeak.Measure(all, ComputePeak.Kind.Int8, int8Iterations, repeats),
            ComputePeak.Measure(one, ComputePeak.Kind.Fp32, fp32Iterations, repeats),
            ComputePeak.Measure(all, ComputePeak.Kind.Fp32, fp32Iterations, repeats),
            KernelRegistry.Name(all.Isa),
            all.Threads,
            size);
    }

    // Sizes each compute loop to take roughly the target time on one thread, whatever the device speed.
    private static long Calibrate(KernelContext one, ComputePeak.Kind kind, double targetSeconds)
    {
        long iterations = 10_000;
        while (true)
        {
            long started = Stopwatch.GetTimestamp();
            ComputePeak.Measure(one, kind, iterations, 1);
            double elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (elapsed >= targetSeconds / 4 || iterations > (1L << 40))
            {
                return Math.Max(1, (long)(iterations * targetSeconds / Math.Max(elapsed, 1e-9)));
            }

            iterations *= 4;
        }
    }
}
