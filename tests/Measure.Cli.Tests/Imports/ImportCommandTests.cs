using Measure.Cli.Imports;
using Measure.Imports;
using Measure.Cli.Tests.Server;
using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.Cli.Tests.Imports;

public class ImportCommandTests
{
    private static Task<CliRunner.Result> Import(params string[] args) => CliRunner.RunAsync(ImportCommand.Create, ["import", .. args]);

    [Fact]
    public async Task Import_ToFile_WritesAValidRunReport()
    {
        using var folder = new TempFolder();
        var result = await Import(Fixture.Path("llama-bench.json"), "--out", folder.File("run.json"));
        Assert.Equal(ExitCodes.Pass, result.ExitCode);
        var report = MeasureJson.DeserializeReport(await File.ReadAllTextAsync(folder.File("run.json")));
        Assert.Equal(2, report.Workloads.Count);
        Assert.Contains("20 samples", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SeveralFilesToServer_UploadsEach()
    {
        await using var server = await FakeMeasureServer.StartAsync(requiredToken: "t");
        using var folder = new TempFolder();
        // The MLPerf summary is dated by its modification time: pinned before the CLI's fixed clock.
        var summary = folder.File("mlperf_log_summary.txt");
        File.Copy(Fixture.Path("mlperf_log_summary.txt"), summary);
        File.SetLastWriteTimeUtc(summary, SampleReports.Now.AddHours(-3).UtcDateTime);
        var result = await Import(Fixture.Path("bdn-full.json"), summary, "--server", server.Url.ToString(), "--token", "t");
        Assert.True(result.ExitCode == ExitCodes.Pass, result.Console);
        Assert.Equal(["import:benchmarkdotnet", "import:mlperf"], server.Uploads.Select(r => r.Suite.Id));
        Assert.Contains("/runs/", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OneBadFileAmongGood_UploadsNothingAndNamesTheFile()
    {
        await using var server = await FakeMeasureServer.StartAsync();
        var result = await Import(Fixture.Path("bdn-full.json"), Fixture.Path("bdn-brief.json"), "--server", server.Url.ToString());
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("bdn-brief.json", result.Console, StringComparison.Ordinal);
        Assert.Empty(server.Uploads);
    }

    [Fact]
    public async Task Import_NoDestination_Exit2()
    {
        var result = await Import(Fixture.Path("bdn-full.json"));
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("nothing to do", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_Exit2NamingIt()
    {
        using var folder = new TempFolder();
        var result = await Import(folder.File("nope.json"), "--out-dir", folder.Path);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("nope.json", result.Console, StringComparison.Ordinal);
    }
}

public class ImportedRunGateTests
{
    [Fact]
    public async Task Gate_TwoImportedBenchmarkDotNetReports_CatchesTheSlowdown()
    {
        using var folder = new TempFolder();
        var slower = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Fixture.Path("bdn-full.json")))!;
        foreach (var benchmark in slower["Benchmarks"]!.AsArray())
        {
            foreach (var measurement in benchmark!["Measurements"]!.AsArray())
                measurement!["Nanoseconds"] = measurement["Nanoseconds"]!.GetValue<double>() * 1.2;
        }
        await File.WriteAllTextAsync(folder.File("slower.json"), slower.ToJsonString());

        Assert.Equal(ExitCodes.Pass, (await CliRunner.RunAsync(ImportCommand.Create, "import", Fixture.Path("bdn-full.json"), "--out", folder.File("base-run.json"))).ExitCode);
        Assert.Equal(ExitCodes.Pass, (await CliRunner.RunAsync(ImportCommand.Create, "import", folder.File("slower.json"), "--out", folder.File("cand-run.json"))).ExitCode);
        var gate = await CliRunner.RunAsync(Measure.Cli.Gate.GateCommand.Create, "gate", "--baseline", folder.File("base-run.json"), "--candidate", folder.File("cand-run.json"));

        Assert.Equal(ExitCodes.Regression, gate.ExitCode);
        Assert.Contains("time_per_op (ns)", gate.Console, StringComparison.Ordinal);
    }
}
