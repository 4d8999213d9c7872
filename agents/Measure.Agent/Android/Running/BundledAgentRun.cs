using Measure.Agent.Android.Adb;
using Measure.Contracts;

namespace Measure.Agent.Android.Running;

/// <summary>
/// The bundled workloads on a phone that has a .NET 10 runtime (e.g. Termux's): the host pushes the portable
/// (framework-dependent) agent and the suite, runs <c>measure-agent run</c> over adb shell and pulls its report.
/// </summary>
public sealed class BundledAgentRun(AdbClient adb, string serial, PhoneRunOptions options)
{
    private string AgentDirectory => $"{options.RemoteDirectory}/agent";

    private string SuitePath => $"{options.RemoteDirectory}/suite.yaml";

    private string ReportPath => $"{options.RemoteDirectory}/report.json";

    /// <exception cref="InvalidOperationException">No portable agent on the host, or no .NET 10 runtime on the phone.</exception>
    public void Install(string suiteYaml)
    {
        ArgumentNullException.ThrowIfNull(suiteYaml);
        var agent = options.PortableAgent;
        if (agent is null || !File.Exists(Path.Join(agent, "measure-agent.dll")))
            throw new InvalidOperationException($"the suite runs bundled workloads but the host has no portable agent (--portable-agent DIR holding measure-agent.dll){(agent is null ? "" : $"; {agent} has none")}");
        var version = adb.Shell(serial, $"{options.PhoneDotnet} --list-runtimes");
        if (!version.Succeeded || !version.StandardOutput.Contains("Microsoft.NETCore.App 10.", StringComparison.Ordinal))
            throw new InvalidOperationException($"phone {serial} has no .NET 10 runtime at {options.PhoneDotnet} (install one, e.g. in Termux, or run an external engine)");
        // adb push DIR into an existing folder nests it (agent/agent/...): replace the folder instead.
        adb.ShellText(serial, $"mkdir -p {options.RemoteDirectory} && rm -rf {AgentDirectory} {ReportPath}");
        adb.Push(serial, agent, AgentDirectory, TimeSpan.FromMinutes(10));
        var local = Path.GetTempFileName();
        try
        {
            File.WriteAllText(local, suiteYaml);
            adb.Push(serial, local, SuitePath);
        }
        finally
        {
            File.Delete(local);
        }
    }

    /// <summary>Runs the suite on the phone and returns the phone agent's own report.</summary>
    public RunReport Run(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = adb.Shell(serial, $"{options.PhoneDotnet} {AgentDirectory}/measure-agent.dll run {SuitePath} --out {ReportPath} --quiet --no-probe", TimeSpan.FromHours(2));
        if (!result.Succeeded)
            throw new AdbException($"phone {serial}: measure-agent run exited with {result.ExitCode}: {result.StandardError.Trim()}");
        var local = Path.GetTempFileName();
        try
        {
            adb.Pull(serial, ReportPath, local);
            return MeasureJson.DeserializeReport(File.ReadAllText(local));
        }
        finally
        {
            File.Delete(local);
        }
    }
}
