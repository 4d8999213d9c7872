using System.Diagnostics;

namespace Measure.Cli.Demo;

/// <summary>Starts `dotnet X.dll args`, echoing its output with a prefix, and kills it (with its tree) on dispose.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process process;

    private ChildProcess(Process process) => this.process = process;

    public Process Process => process;

    public static ChildProcess Start(string dll, IEnumerable<string> args, string prefix, Action<string>? onOutput = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        void Echo(string? line, TextWriter writer)
        {
            if (line is null)
                return;
            writer.WriteLine($"{prefix} {line}");
            onOutput?.Invoke(line);
        }
        process.OutputDataReceived += (_, e) => Echo(e.Data, Console.Out);
        process.ErrorDataReceived += (_, e) => Echo(e.Data, Console.Error);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        process.Dispose();
    }
}
