using System.Diagnostics;
using System.Runtime.InteropServices;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Linear;
using Measure.Kernels.Roofline;
using Measure.Kernels.Threading;

namespace Measure.Kernels.Benchmarking;

/// <summary>
/// Runs the bundled GEMV/GEMM kernels at LLM decode shapes (1x4096 by 4096x4096 and 4096x11008) and a
/// prefill shape (512 tokens by 4096x4096), and expresses each result as a fraction of the probed
/// device limits: decode against read bandwidth, prefill against peak compute.
/// </summary>
public static class KernelBenchmark
{
    private static readonly string[] Formats = ["q8_0", "f16", "f32"];

    /// <summary>Probes the device, then runs every kernel. Bounded to well under a minute on a 2-core x86 box.</summary>
    public static KernelBenchmarkReport Run(KernelBenchmarkOptions? options = null, DeviceLimits? limits = null)
    {
        options ??= new KernelBenchmarkOptions();
        var isas = options.Isas ?? [KernelRegistry.Selected];
        var threadCounts = options.ThreadCounts ?? (Environment.ProcessorCount > 1 ? [1, Environment.ProcessorCount] : [1]);
        foreach (var isa in isas)
        {
            KernelRegistry.EnsureExecutable(isa);
        }

        limits ??= RooflineProbe.Measure(threadCounts.Max(), isas[0], quick: options.Quick);

        // Each family's kernels against its own probe: the avx512 peaks are measured at 512 bits.
        var limitsByIsa = new Dictionary<KernelIsa, DeviceLimits> { [isas[0]] = limits };
        foreach (var isa in isas.Skip(1).Where(i => !limitsByIsa.ContainsKey(i)))
        {
            limitsByIsa[isa] = RooflineProbe.Measure(threadCounts.Max(), isa, quick: options.Quick);
        }

        long footprint = options.Quick ? 96L << 20 : 192L << 20;
        int prefillTokens = options.Quick ? 128 : 512;
        double budgetSeconds = options.Quick ? 0.1 : 0.3;
        var results = new List<KernelBenchmarkResult>();
        var shapes = new (int Tokens, int Rows, int Cols)[] { (1, 4096, 4096), (1, 11008, 4096), (prefillTokens, 4096, 4096) };
        foreach (var format in Formats)
        {
            foreach (var (tokens, rows, cols) in shapes)
            {
                var weights = BenchmarkWeights.Create(format, rows, cols, tokens == 1 ? footprint : 0);
                var x = new float[tokens * cols];
                new Random(1).NextBytes(MemoryMarshal.AsBytes(x.AsSpan()));
                for (int i = 0; i < x.Length; i++)
                {
                    x[i] = (x[i] is float.NaN or float.PositiveInfinity or float.NegativeInfinity ? 0.5f : x[i] % 1f) * 0.01f;
                }

                var y = new float[tokens * rows];
                foreach (var isa in isas)
                {
                    foreach (int threads in threadCounts)
                    {
                        using var context = new KernelContext(threads, isa);
                        var (times, cpuShare) = Time(() => Call(context, format, weights.Next(), rows, cols, x, tokens, y), budgetSeconds, tokens == 1 ? 5 : 2, threads);
                        results.Add(Describe(format, tokens, rows, cols, context, times, weights.BytesPerCopy, limitsByIsa[isa], cpuShare));
                    }
                }
            }
        }

        return new KernelBenchmarkReport(limits, results);
    }

    /// <summary>One GEMV (tokens = 1) or GEMM call of a format on raw weight bytes; shared with the CPU-timed runner.</summary>
    internal static void Call(KernelContext context, string format, ReadOnlySpan<byte> weights, int rows, int cols, float[] x, int tokens, float[] y)
    {
        switch (format, tokens)
        {
            case ("q8_0", 1):
                Gemv.Q8_0(context, weights, rows, cols, x, y);
                break;
            case ("q8_0", _):
                Gemm.Q8_0(context, weights, rows, cols, x, tokens, y);
                break;
            case ("f16", 1):
                Gemv.F16(context, MemoryMarshal.Cast<byte, Half>(weights), rows, cols, x, y);
                break;
            case ("f16", _):
                Gemm.F16(context, MemoryMarshal.Cast<byte, Half>(weights), rows, cols, x, tokens, y);
                break;
            case (_, 1):
                Gemv.F32(context, MemoryMarshal.Cast<byte, float>(weights), rows, cols, x, y);
                break;
            default:
                Gemm.F32(context, MemoryMarshal.Cast<byte, float>(weights), rows, cols, x, tokens, y);
                break;
        }
    }

    // One untimed warm-up call, then calls until the budget is spent (at least minimum calls). Also
    // reports how much of its cores the process actually got, the honest measure of a noisy machine.
    private static (List<double> Times, double CpuShare) Time(Action call, double budgetSeconds, int minimum, int threads)
    {
        call();
        var times = new List<double>();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        long started = Stopwatch.GetTimestamp();
        while (times.Count < minimum || Stopwatch.GetElapsedTime(started).TotalSeconds < budgetSeconds)
        {
            long before = Stopwatch.GetTimestamp();
            call();
            times.Add(Stopwatch.GetElapsedTime(before).TotalSeconds);
        }

        double wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        double cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        times.Sort();
        return (times, cpu / (wall * threads));
    }

    private static KernelBenchmarkResult Describe(
        string format, int tokens, int rows, int cols, KernelContext context, List<double> times, long weightBytes, DeviceLimits limits, double cpuShare)
    {
        // Rates use the fastest call, as the probe uses its fastest window: on a shared machine the best
        // sample is the one least disturbed by other processes.
        double median = times[times.Count / 2];
        double best = times[0];
        double gbps = weightBytes / best / 1e9;
        double gops = 2.0 * tokens * rows * cols / best / 1e9;
        bool single = context.Threads == 1;
        double bandwidth = single ? limits.ReadBandwidthGBps1T : limits.ReadBandwidthGBpsAllT;
        double peak = format == "q8_0"
            ? (single ? limits.Int8GopsPeak1T : limits.Int8GopsPeakAllT)
            : (single ? limits.Fp32GflopsPeak1T : limits.Fp32GflopsPeakAllT);
        return new KernelBenchmarkResult(
            tokens == 1 ? "gemv" : "gemm",
            format,
            tokens,
            rows,
            cols,
            KernelRegistry.Name(context.Isa),
            context.Threads,
            times.Count,
            median * 1e3,
            best * 1e3,
            gbps,
            gops,
            gbps / bandwidth,
            gops / peak,
            cpuShare);
    }
}
