using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Measure.Agent.Device;
using Measure.Agent.State;
using Measure.Kernels.Benchmarking;
using Measure.Sensors.IO;

namespace Measure.Agent.Commands;

/// <summary><c>measure-agent kernels [--json] [--quick]</c>: the bundled kernels at LLM shapes against this device's limits.</summary>
public static class KernelsCommand
{
    public static Command Create()
    {
        var stateDir = AgentOptions.StateDirectory();
        var json = AgentOptions.Json();
        var quick = new Option<bool>("--quick") { Description = "Smaller shapes and shorter timing (a smoke run)" };
        var command = new Command("kernels", "Benchmark the bundled GEMV/GEMM kernels as fractions of the probed device limits") { stateDir, json, quick };
        command.SetAction(parse => Execute(AgentStateDirectory.Resolve(parse.GetValue(stateDir)), parse.GetValue(json), parse.GetValue(quick)));
        return command;
    }

    private static int Execute(AgentStateDirectory state, bool json, bool quick)
    {
        var limits = new DeviceLimitsProvider(state, SysRoot.Host).Get()!;
        var report = KernelBenchmark.Run(new KernelBenchmarkOptions(quick), limits.Limits);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, AgentJsonContext.Indented.KernelBenchmarkReport));
            return ExitCodes.Ok;
        }
        Console.WriteLine("kernel format  tokens x rows x cols    isa       thr  median ms   GB/s    GOP/s  bw-frac  peak-frac");
        foreach (var r in report.Results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Kernel,-6} {r.Format,-6} {r.Tokens,5} x {r.Rows,5} x {r.Cols,5}  {r.Isa,-9} {r.Threads,3} {r.MedianMs,10:F3} {r.WeightGBps,6:F1} {r.Gops,8:F1} {r.BandwidthFraction,8:F2} {r.PeakFraction,10:F2}"));
        }
        return ExitCodes.Ok;
    }
}
