using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Measure.Agent.Device;
using Measure.Agent.State;
using Measure.Contracts;
using Measure.Sensors.Commands;
using Measure.Sensors.IO;
using Measure.Sensors.Sampling;

namespace Measure.Agent.Commands;

/// <summary>
/// <c>measure-agent probe [--json] [--refresh]</c>: the device fingerprint with its probed limits
/// (cached in the state folder) and, without --json, what the sensors and the sampler cost.
/// </summary>
public static class ProbeCommand
{
    public static Command Create()
    {
        var stateDir = AgentOptions.StateDirectory();
        var json = AgentOptions.Json();
        var refresh = new Option<bool>("--refresh") { Description = "Probe again even when limits for this machine are cached" };
        var command = new Command("probe", "Probe this device's limits (read bandwidth, int8 and FP32 peaks) and sensors") { stateDir, json, refresh };
        command.SetAction(parse => Execute(AgentStateDirectory.Resolve(parse.GetValue(stateDir)), parse.GetValue(json), parse.GetValue(refresh)));
        return command;
    }

    private static int Execute(AgentStateDirectory state, bool json, bool refresh)
    {
        var limits = new DeviceLimitsProvider(state, SysRoot.Host).Get(refresh)!;
        var device = FingerprintReader.Read(SysRoot.Host, DeviceLimitsMapping.ToContract(limits.Limits));
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(device, MeasureJson.Indented.DeviceFingerprint));
            return ExitCodes.Ok;
        }
        var l = limits.Limits;
        Console.WriteLine($"{device.CpuModel}, {device.LogicalCores} cores, {device.Architecture} [{string.Join(' ', device.IsaFeatures)}], {device.BoardModel ?? device.Os}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"limits ({l.Isa}, probed {limits.ProbedAt:u}): read {l.ReadBandwidthGBps1T:0.0} / {l.ReadBandwidthGBpsAllT:0.0} GB/s, int8 {l.Int8GopsPeak1T:0} / {l.Int8GopsPeakAllT:0} GOP/s, fp32 {l.Fp32GflopsPeak1T:0} / {l.Fp32GflopsPeakAllT:0} GFLOP/s (1 thread / {l.Threads})"));
        Console.WriteLine(limits.ProbedWhileBusy
            ? string.Create(CultureInfo.InvariantCulture, $"not cached: the machine was busy (load average {limits.LoadAverage:0.0} on {limits.LogicalCores} cores), so these limits read low; probe again when it is idle")
            : $"cached in {state.DeviceLimitsPath}");
        Console.WriteLine(SamplerSelfTest.Run(SysRoot.Host, ProcessCommandRunner.Default, new SamplerOptions(), TimeSpan.FromSeconds(2)));
        return ExitCodes.Ok;
    }
}
