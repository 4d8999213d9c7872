using System.Text.RegularExpressions;
using Measure.Sensors.Commands;

namespace Measure.Agent.Android.Adb;

/// <summary>
/// Runs the <c>adb</c> client (found on the runner's PATH) against one phone at a time. A phone that vanished
/// surfaces as <see cref="PhoneDisconnectedException"/>, whatever command noticed it, so callers can fail the run.
/// </summary>
public sealed partial class AdbClient
{
    private readonly ICommandRunner _runner;
    private readonly string _executable;
    private readonly TimeSpan _timeout;

    public AdbClient(ICommandRunner runner, string executable = "adb", TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        _runner = runner;
        _executable = executable;
        _timeout = timeout ?? TimeSpan.FromSeconds(30);
    }

    /// <summary><c>adb devices -l</c>.</summary>
    public IReadOnlyList<AttachedPhone> Devices() => AttachedPhone.ParseDeviceList(Run(["devices", "-l"], _timeout, serial: null).StandardOutput);

    /// <summary>Runs a command in the phone's shell; the exit code is the remote command's.</summary>
    public CommandResult Shell(string serial, string command, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        return Run(["-s", serial, "shell", command], timeout ?? _timeout, serial);
    }

    /// <summary>Runs a shell command that must succeed and returns its output.</summary>
    public string ShellText(string serial, string command, TimeSpan? timeout = null)
    {
        var result = Shell(serial, command, timeout);
        if (!result.Succeeded)
            throw new AdbException($"phone {serial}: `{command}` exited with {result.ExitCode}: {FirstLine(result.StandardError, result.StandardOutput)}");
        return result.StandardOutput;
    }

    public void Push(string serial, string localPath, string remotePath, TimeSpan? timeout = null) =>
        Require(Run(["-s", serial, "push", "--sync", localPath, remotePath], timeout ?? _timeout, serial), serial, $"push {localPath}");

    public void Pull(string serial, string remotePath, string localPath, TimeSpan? timeout = null) =>
        Require(Run(["-s", serial, "pull", remotePath, localPath], timeout ?? _timeout, serial), serial, $"pull {remotePath}");

    private CommandResult Run(string[] arguments, TimeSpan timeout, string? serial)
    {
        if (serial is not null)
            ArgumentException.ThrowIfNullOrWhiteSpace(serial);
        var result = _runner.TryRun(_executable, arguments, timeout)
            ?? throw new AdbException($"`{_executable} {string.Join(' ', arguments.Take(3))}`: adb is not on PATH, could not start, or gave no answer within {timeout.TotalSeconds:0} s");
        if (serial is not null && result.ExitCode != 0 && Disconnected().Match(result.StandardError + "\n" + result.StandardOutput) is { Success: true } match)
            throw new PhoneDisconnectedException(serial, match.Value.Trim());
        return result;
    }

    private static void Require(CommandResult result, string serial, string what)
    {
        if (!result.Succeeded)
            throw new AdbException($"phone {serial}: {what} failed ({result.ExitCode}): {FirstLine(result.StandardError, result.StandardOutput)}");
    }

    private static string FirstLine(string first, string second)
    {
        var text = string.IsNullOrWhiteSpace(first) ? second : first;
        return text.Trim().Split('\n')[0].Trim();
    }

    // What the adb client prints when the transport to the phone is gone (old and new client wording).
    [GeneratedRegex(@"device '[^']*' not found|device (?:offline|unauthorized|still authorizing)|no devices/emulators found|device not found")]
    private static partial Regex Disconnected();
}
