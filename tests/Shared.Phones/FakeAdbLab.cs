using System.Text.Json.Nodes;
using Measure.Agent.Android.Adb;
using Measure.Sensors.Commands;

namespace Measure.Tests.Shared;

/// <summary>
/// A throw-away copy of the recorded phones with the fake <c>adb</c> first on PATH: a Google Pixel 6 (Tensor GS101,
/// gauge stops charging when the battery service is unplugged) and a Samsung Galaxy S22 (Snapdragon 8 Gen 1, keeps
/// charging; screen on, airplane mode off, automatic brightness, 64 % battery). Only the Pixel has a .NET 10 runtime
/// (Termux's path, a script that runs the host's dotnet), so bundled workloads really run "on" it.
/// </summary>
public sealed class FakeAdbLab : IDisposable
{
    public const string Pixel = "21281FDH2000AB";
    public const string Samsung = "R5CT10ABCDE";

    /// <summary>A suite for the recorded llama-bench engine and model.</summary>
    public const string LlamaSuite = """
        suite: phone-llm
        version: 1
        rules:
          warmup: {min: 0, max: 0}
          min_iterations: 1
          idle_s: 0.3
          sample_hz: 10
        workloads:
          - kind: llama-bench
            precisions: [q8_0]
            threads: [4]
            params: {model: tiny.gguf, n_prompt: 64, n_gen: 16, repetitions: 3}
        """;

    public FakeAdbLab()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("measure-fake-adb-").FullName;
        Copy(RecordedFolder(), Directory);
        Runner = new ProcessCommandRunner(new Dictionary<string, string> { ["PATH"] = Directory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") });
        Adb = new AdbClient(Runner);
    }

    public string Directory { get; }

    public ProcessCommandRunner Runner { get; }

    public AdbClient Adb { get; }

    public string LlamaBench => Path.Join(Directory, "engines", "llama-bench");

    public string Models => Path.Join(Directory, "models");

    /// <summary>Every adb invocation so far, one per line.</summary>
    public IReadOnlyList<string> Calls => File.Exists(Path.Join(Directory, "calls.log")) ? File.ReadAllLines(Path.Join(Directory, "calls.log")) : [];

    public void SetAttached(string serial, bool attached) => Edit(serial, phone => phone["attached"] = attached);

    /// <summary>The phone is unplugged when a shell command containing <paramref name="commandPart"/> is run (null: never).</summary>
    public void UnplugWhen(string serial, string? commandPart) => Edit(serial, phone => phone["unplug_when"] = commandPart);

    public bool BatteryUnplugged(string serial) => State()["phones"]![serial]!["battery_unplugged"]?.GetValue<bool>() ?? false;

    public bool IsAttached(string serial) => State()["phones"]![serial]!["attached"]!.GetValue<bool>();

    public string PhoneFile(string serial, string path) => Path.Join(Directory, "phones", serial, "root", path.TrimStart('/'));

    private JsonNode State() => JsonNode.Parse(File.ReadAllText(Path.Join(Directory, "state.json")))!;

    private void Edit(string serial, Action<JsonNode> change)
    {
        var state = State();
        change(state["phones"]![serial]!);
        File.WriteAllText(Path.Join(Directory, "state.json"), state.ToJsonString());
    }

    // The recordings are read from the source tree, so no test project needs a copy step.
    private static string RecordedFolder() => RepoPaths.Combine("tests", "Measure.Agent.Tests", "Android", "Recorded");

    private static void Copy(string from, string to)
    {
        foreach (var directory in System.IO.Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            System.IO.Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = file.Replace(from, to, StringComparison.Ordinal);
            File.Copy(file, target);
            // Build output copies lose the execute bit; the fake adb and engine need it.
            if (!OperatingSystem.IsWindows() && Path.GetFileName(target) is "adb" or "llama-bench" or "dotnet")
                File.SetUnixFileMode(target, (UnixFileMode)0b111_101_101);
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
