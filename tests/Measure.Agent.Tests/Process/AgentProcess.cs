using System.Diagnostics;
using Measure.Agent.Tests.Suites;

namespace Measure.Agent.Tests.Process;

/// <summary>Starts the real measure-agent (the built measure-agent.dll under `dotnet`) as a separate process.</summary>
internal static class AgentProcess
{
    public static string AgentDll()
    {
        var beside = Path.Join(AppContext.BaseDirectory, "measure-agent.dll");
        if (File.Exists(beside) && File.Exists(Path.Join(AppContext.BaseDirectory, "measure-agent.runtimeconfig.json")))
            return beside;
        var built = Path.Join(SuiteParserTests.RepositoryRoot(), "artifacts", "bin", "Measure.Agent", "debug", "measure-agent.dll");
        return File.Exists(built) ? built : throw new FileNotFoundException("measure-agent.dll is not built", built);
    }

    public static System.Diagnostics.Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AgentDll());
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["CI"] = "true";
        start.Environment.Remove("MEASURE_TOKEN");
        return System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("could not start measure-agent");
    }

    /// <summary>Runs to the end and returns the exit code and both outputs.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public static void Kill(System.Diagnostics.Process process)
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }
}
