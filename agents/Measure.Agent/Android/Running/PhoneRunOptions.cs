using Measure.Agent.Android.Preconditions;

namespace Measure.Agent.Android.Running;

/// <summary>How a lab host runs suites on its phones.</summary>
/// <param name="Preconditions">Required phone state; job labels (precondition.*) override per job.</param>
/// <param name="LlamaBench">Host path of the lab's llama-bench build for Android (suite workloads of kind llama-bench).</param>
/// <param name="ModelDirectory">Host folder the suites' <c>model</c> parameters name files in.</param>
/// <param name="PortableAgent">Host folder of the framework-dependent agent (measure-agent.dll) for bundled workloads.</param>
/// <param name="PhoneDotnet">The .NET 10 host on the phone (e.g. Termux's), for bundled workloads.</param>
/// <param name="StopCharging">Unplug the battery service while measuring (restored afterwards).</param>
/// <param name="RemoteDirectory">Where binaries, models and reports go on the phone.</param>
public sealed record PhoneRunOptions(
    RunPreconditions Preconditions,
    string? LlamaBench = null,
    string? ModelDirectory = null,
    string? PortableAgent = null,
    string PhoneDotnet = "/data/data/com.termux/files/usr/bin/dotnet",
    bool StopCharging = true,
    string RemoteDirectory = "/data/local/tmp/measure")
{
    public static PhoneRunOptions Default { get; } = new(RunPreconditions.None);
}
