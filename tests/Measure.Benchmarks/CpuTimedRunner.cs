using System.Diagnostics;
using System.Globalization;
using Measure.Kernels.Benchmarking;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Roofline;
using Measure.Kernels.Threading;

namespace Measure.Benchmarks;

/// <summary>
/// `--runner --cpu`: the kernel benchmark's shapes timed by wall clock AND by process CPU time per call,
/// with the read-bandwidth probe timed the same way. On a machine shared with other builds the wall
/// figures measure the contention; the CPU-time figures (median call, CPU time / threads) measure the
/// kernel when it did run, against the probe measured identically. Options: `--formats q8_0,f16,f32`,
/// `--kinds gemv,gemm`, `--threads 1,2`, `--tokens 512`, `--seconds 1.5` (budget per measurement); `--rows 256
/// --resident` runs the GEMV on one cache-resident copy instead (compute-bound or memory-bound?).
/// </summary>
internal static class CpuTimedRunner
{
    private const long DramFootprint = 192L << 20;

    public static int Run(string[] args)
    {
        var formats = RunnerCommand.Value(args, "--formats")?.Split(',') ?? ["q8_0", "f16", "f32"];
        var kinds = RunnerCommand.Value(args, "--kinds")?.Split(',') ?? ["gemv", "gemm"];
        var threadCounts = RunnerCommand.Value(args, "--threads")?.Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray()
            ?? [1, Environment.ProcessorCount];
        int tokens = int.Parse(RunnerCommand.Value(args, "--tokens") ?? "512", CultureInfo.InvariantCulture);
        double budget = double.Parse(RunnerCommand.Value(args, "--seconds") ?? "1.5", CultureInfo.InvariantCulture);
        var isa = KernelRegistry.Selected;
        int? gemvRows = RunnerCommand.Value(args, "--rows") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : null;
        long footprint = args.Contains("--resident") ? 0 : DramFootprint;

        var probe = ProbeBandwidth(threadCounts, isa);
        Console.WriteLine(FormattableString.Invariant($"load average {LoadAverage()}; isa {KernelRegistry.Name(isa)}"));
        foreach (var (threads, wall, cpu) in probe)
        {
            Console.WriteLine(FormattableString.Invariant($"probe read {threads}T: best wall {wall:F1} GB/s, median cpu-time {cpu:F1} GB/s"));
        }

        var peaks = threadCounts.ToDictionary(t => t, t => ProbePeaks(t, isa));
        foreach (var (threads, (int8, fp32)) in peaks)
        {
            Console.WriteLine(FormattableString.Invariant($"probe peak {threads}T: int8 {int8:F0} GOP/s, fp32 {fp32:F0} GFLOP/s (median cpu-time)"));
        }

        Console.WriteLine("kernel format  tokens x rows x cols   thr  best-wall ms  cpu ms  wall GB/s  cpu GB/s  cpu GOP/s  wall-frac  cpu-frac  cpu-share");
        foreach (var format in formats)
        {
            foreach (var kind in kinds)
            {
                var shapes = kind == "gemv" ? (gemvRows is { } n ? new[] { (1, n, 4096) } : new[] { (1, 4096, 4096), (1, 11008, 4096) }) : new[] { (tokens, 4096, 4096) };
                foreach (var (t, rows, cols) in shapes)
                {
                    RunShape(format, t, rows, cols, threadCounts, isa, budget, t == 1 ? footprint : 0, probe, peaks);
                }
            }
        }

        return 0;
    }

    private static void RunShape(
        string format, int tokens, int rows, int cols, int[] threadCounts, KernelIsa isa, double budget, long footprint,
        List<(int Threads, double Wall, double Cpu)> probe, Dictionary<int, (double Int8, double Fp32)> peaks)
    {
        var weights = BenchmarkWeights.Create(format, rows, cols, footprint);
        var x = Operands.Floats(tokens * cols, 3);
        var y = new float[tokens * rows];
        foreach (int threads in threadCounts)
        {
            using var context = new KernelContext(threads, isa);
            var samples = Time(() => KernelBenchmark.Call(context, format, weights.Next(), rows, cols, x, tokens, y), budget, threads);
            double bestWall = samples.Min(s => s.Wall);
            double cpu = Median(samples.Select(s => s.Cpu));
            double share = samples.Sum(s => s.Cpu) / samples.Sum(s => s.Wall);
            double ops = 2.0 * tokens * rows * cols;
            var p = probe.First(b => b.Threads == threads);
            double cpuGbps = weights.BytesPerCopy / cpu / 1e9;
            double wallGbps = weights.BytesPerCopy / bestWall / 1e9;
            double peak = format == "q8_0" ? peaks[threads].Int8 : peaks[threads].Fp32;
            double wallFraction = tokens == 1 ? wallGbps / p.Wall : ops / bestWall / 1e9 / peak;
            double cpuFraction = tokens == 1 ? cpuGbps / p.Cpu : ops / cpu / 1e9 / peak;
            Console.WriteLine(FormattableString.Invariant(
                $"{(tokens == 1 ? "gemv" : "gemm"),-6} {format,-6} {tokens,5} x {rows,5} x {cols,5} {threads,3} {bestWall * 1e3,12:F3} {cpu * 1e3,7:F3} {wallGbps,10:F1} {cpuGbps,9:F1} {ops / cpu / 1e9,10:F1} {wallFraction,10:F2} {cpuFraction,9:F2} {share,10:F2}"));
        }
    }

    private static List<(int Threads, double Wall, double Cpu)> ProbeBandwidth(int[] threadCounts, KernelIsa isa)
    {
        using var reader = new ReadBandwidth(1L << 30);
        using var warm = new KernelContext(threadCounts.Max(), isa);
        reader.Measure(warm, 1);
        var result = new List<(int, double, double)>();
        foreach (int threads in threadCounts)
        {
            using var context = new KernelContext(threads, isa);
            var windows = reader.Sample(context, 4);
            result.Add((threads, windows.Max(w => w.WallGBps), Median(windows.Select(w => w.CpuGBps))));
        }

        return result;
    }

    // The peaks are register-resident loops: CPU time per run is exactly the time they computed.
    private static (double Int8, double Fp32) ProbePeaks(int threads, KernelIsa isa)
    {
        using var context = new KernelContext(threads, isa);
        const long iterations = 2_000_000;
        double Rate(ComputePeak.Kind kind)
        {
            var samples = Time(() => ComputePeak.Measure(context, kind, iterations, 1), 0.5, threads);
            return ComputePeak.OpsPerIteration(isa, kind) * iterations * threads / Median(samples.Select(s => s.Cpu)) / 1e9;
        }

        return (Rate(ComputePeak.Kind.Int8), Rate(ComputePeak.Kind.Fp32));
    }

    /// <summary>Per call: wall seconds and process CPU seconds divided by the thread count.</summary>
    private static List<(double Wall, double Cpu)> Time(Action call, double budgetSeconds, int threads)
    {
        call();
        var samples = new List<(double, double)>();
        long started = Stopwatch.GetTimestamp();
        while (samples.Count < 5 || Stopwatch.GetElapsedTime(started).TotalSeconds < budgetSeconds)
        {
            var cpuBefore = Environment.CpuUsage.TotalTime;
            long before = Stopwatch.GetTimestamp();
            call();
            double wall = Stopwatch.GetElapsedTime(before).TotalSeconds;
            double cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
            samples.Add((wall, cpu / threads));
        }

        return samples;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
