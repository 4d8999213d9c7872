using System.Globalization;
using System.Text.Json;
using Measure.Kernels.Benchmarking;
using Measure.Kernels.Dispatch;

namespace Measure.Benchmarks;

/// <summary>Runs <see cref="KernelBenchmark"/> and prints a table plus the JSON the agent would emit.</summary>
internal static class RunnerCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static int Run(string[] args)
    {
        if (args.Contains("--cpu"))
        {
            return CpuTimedRunner.Run(args);
        }

        if (args.Contains("--read-ceiling"))
        {
            return ReadCeilingRunner.Run(args);
        }

        bool quick = args.Contains("--quick");
        var isas = Value(args, "--isa")?.Split(',').Select(KernelRegistry.Parse).ToList();
        var threads = Value(args, "--threads")?.Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToList();
        var report = KernelBenchmark.Run(new KernelBenchmarkOptions(quick, isas, threads));
        var l = report.Limits;
        Console.WriteLine(FormattableString.Invariant(
            $"limits ({l.Isa}, {l.Threads} threads, {l.BufferBytes >> 20} MiB): read {l.ReadBandwidthGBps1T:F1} / {l.ReadBandwidthGBpsAllT:F1} GB/s, int8 {l.Int8GopsPeak1T:F0} / {l.Int8GopsPeakAllT:F0} GOP/s, fp32 {l.Fp32GflopsPeak1T:F0} / {l.Fp32GflopsPeakAllT:F0} GFLOP/s (1T / all)"));
        Console.WriteLine("kernel format  tokens x rows x cols    isa       thr  median ms   best ms   GB/s    GOP/s  bw-frac  peak-frac  cpu-share");
        foreach (var r in report.Results)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"{r.Kernel,-6} {r.Format,-6} {r.Tokens,5} x {r.Rows,5} x {r.Cols,5}  {r.Isa,-9} {r.Threads,3} {r.MedianMs,10:F3} {r.BestMs,9:F3} {r.WeightGBps,6:F1} {r.Gops,8:F1} {r.BandwidthFraction,8:F2} {r.PeakFraction,10:F2} {r.CpuShare,10:F2}"));
        }

        if (args.Contains("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(report, Indented));
        }

        return 0;
    }

    public static string? Value(string[] args, string name)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
