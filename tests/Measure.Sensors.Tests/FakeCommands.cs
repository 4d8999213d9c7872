using Measure.Sensors.Commands;

namespace Measure.Sensors.Tests;

/// <summary>Command runners for tests: the real runner with a recorded device's fake tools on PATH, or canned outputs.</summary>
internal static class FakeCommands
{
    /// <summary>A real <see cref="ProcessCommandRunner"/> whose PATH starts with the recorded device's fake-tools folder.</summary>
    public static ProcessCommandRunner OnPath(string device)
    {
        var bin = Path.Combine(RecordedDevice.Folder(device), "fake-tools");
        foreach (var tool in Directory.EnumerateFiles(bin))
        {
            // The build's copy to the output folder may drop the execute bit.
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(tool, File.GetUnixFileMode(tool) | UnixFileMode.UserExecute | UnixFileMode.UserRead);
        }
        return new ProcessCommandRunner(new Dictionary<string, string> { ["PATH"] = $"{bin}:/usr/bin:/bin" });
    }
}

/// <summary>Replays canned outputs keyed by "executable arg1 arg2"; anything else is "not installed".</summary>
internal sealed class CannedCommandRunner(IReadOnlyDictionary<string, CommandResult> outputs) : ICommandRunner
{
    public List<string> Calls { get; } = [];

    public static CannedCommandRunner Single(string commandLine, string output, int exitCode = 0) =>
        new(new Dictionary<string, CommandResult> { [commandLine] = new(exitCode, output, "") });

    public CommandResult? TryRun(string executable, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var commandLine = string.Join(' ', [executable, .. arguments]);
        Calls.Add(commandLine);
        return outputs.GetValueOrDefault(commandLine);
    }
}
