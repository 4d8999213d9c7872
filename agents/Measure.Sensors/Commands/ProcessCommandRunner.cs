using System.ComponentModel;
using System.Diagnostics;

namespace Measure.Sensors.Commands;

/// <summary>
/// Runs real executables found on PATH. The PATH (and any other variable) can be overridden per
/// runner, so a test can put a fake <c>vcgencmd</c> first without touching the process environment.
/// </summary>
public sealed class ProcessCommandRunner : ICommandRunner
{
    private readonly IReadOnlyDictionary<string, string> _environment;

    public ProcessCommandRunner(IReadOnlyDictionary<string, string>? environmentOverrides = null)
    {
        _environment = environmentOverrides ?? new Dictionary<string, string>();
    }

    public static ProcessCommandRunner Default { get; } = new();

    /// <summary>The executable's full path on this runner's PATH, or null when it is not installed.</summary>
    public string? FindExecutable(string executable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        if (executable.Contains('/', StringComparison.Ordinal))
            return File.Exists(executable) ? executable : null;
        var path = _environment.TryGetValue("PATH", out var overridden) ? overridden : Environment.GetEnvironmentVariable("PATH");
        foreach (var directory in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Join(directory, executable);
            if (File.Exists(candidate) && IsExecutable(candidate))
                return candidate;
        }
        return null;
    }

    public CommandResult? TryRun(string executable, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");
        var fullPath = FindExecutable(executable);
        if (fullPath is null)
            return null;

        var start = new ProcessStartInfo(fullPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in _environment)
            start.Environment[name] = value;

        try
        {
            using var process = Process.Start(start);
            if (process is null)
                return null;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            process.WaitForExit();
            return new CommandResult(process.ExitCode, output.Result, error.Result);
        }
        catch (Win32Exception)
        {
            // Exists but cannot be started (no execute permission, wrong architecture).
            return null;
        }
    }

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
