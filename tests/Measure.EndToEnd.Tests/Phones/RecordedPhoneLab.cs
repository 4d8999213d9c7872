using System.Text.Json.Nodes;
using Measure.Agent.Android.Adb;
using Measure.Sensors.Commands;
using Measure.Tests.Shared;

namespace Measure.EndToEnd.Tests.Phones;

/// <summary>
/// The agent tests' recorded phones (a Google Pixel 6 and a Samsung Galaxy S22 behind a fake <c>adb</c>, see
/// tests/Measure.Agent.Tests/Android/Recorded/adb), read from the source tree and copied to a throw-away folder whose
/// <c>adb</c> comes first on PATH. Only what the end-to-end tests need: attach, unplug during a command, read calls.
/// </summary>
internal sealed class RecordedPhoneLab : IDisposable
{
    public const string Pixel = "21281FDH2000AB";
    public const string Samsung = "R5CT10ABCDE";

    private static readonly string Recorded = RepoPaths.Combine("tests", "Measure.Agent.Tests", "Android", "Recorded");
    private static readonly string[] Executables = ["adb", "llama-bench", "dotnet"];

    public RecordedPhoneLab()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("measure-e2e-phones-").FullName;
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Recorded, "*", SearchOption.AllDirectories))
            System.IO.Directory.CreateDirectory(Path.Join(Directory, Path.GetRelativePath(Recorded, folder)));
        foreach (var file in System.IO.Directory.EnumerateFiles(Recorded, "*", SearchOption.AllDirectories))
        {
            var target = Path.Join(Directory, Path.GetRelativePath(Recorded, file));
            File.Copy(file, target);
            if (!OperatingSystem.IsWindows() && Executables.Contains(Path.GetFileName(target)))
                File.SetUnixFileMode(target, (UnixFileMode)0b111_101_101);
        }
        Adb = new AdbClient(new ProcessCommandRunner(new Dictionary<string, string> { ["PATH"] = Directory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") }));
    }

    public string Directory { get; }

    public AdbClient Adb { get; }

    public string LlamaBench => Path.Join(Directory, "engines", "llama-bench");

    public string Models => Path.Join(Directory, "models");

    /// <summary>Every adb invocation so far, one per line.</summary>
    public IReadOnlyList<string> Calls => File.Exists(Path.Join(Directory, "calls.log")) ? File.ReadAllLines(Path.Join(Directory, "calls.log")) : [];

    public void SetAttached(string serial, bool attached) => Edit(serial, phone => phone["attached"] = attached);

    /// <summary>The phone is unplugged when a shell command containing <paramref name="commandPart"/> runs (null: never).</summary>
    public void UnplugWhen(string serial, string? commandPart) => Edit(serial, phone => phone["unplug_when"] = commandPart);

    public bool BatteryUnplugged(string serial) => State()["phones"]![serial]!["battery_unplugged"]?.GetValue<bool>() ?? false;

    private JsonNode State() => JsonNode.Parse(File.ReadAllText(Path.Join(Directory, "state.json")))!;

    private void Edit(string serial, Action<JsonNode> change)
    {
        var state = State();
        change(state["phones"]![serial]!);
        File.WriteAllText(Path.Join(Directory, "state.json"), state.ToJsonString());
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
