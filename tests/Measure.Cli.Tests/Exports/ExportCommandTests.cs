using System.Text.Json;
using Measure.Cli.Exports;
using Measure.Cli.Tests.Server;
using Measure.Tests.Shared;

namespace Measure.Cli.Tests.Exports;

public class ExportCommandTests
{
    private static Task<CliRunner.Result> Export(params string[] args) => CliRunner.RunAsync(ExportCommand.Create, ["export", .. args]);

    [Fact]
    public async Task Export_ReportFileAsCsv_HeaderAndOneLinePerSample()
    {
        using var folder = new TempFolder();
        var path = folder.Write("run.json", SampleReports.Valid());
        var result = await Export(path, "--format", "csv", "--granularity", "sample", "--out", folder.File("out.csv"));
        Assert.Equal(ExitCodes.Pass, result.ExitCode);
        var lines = await File.ReadAllLinesAsync(folder.File("out.csv"));
        Assert.StartsWith("run_id,started_at,suite,", lines[0], StringComparison.Ordinal);
        Assert.Equal(6, lines.Length);
        // The device model contains '|' and spaces but no comma; labels and parameters are quoted only when needed.
        Assert.Contains(",latency,ms,lowerIsBetter,sample,0,1.5,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ServerRunsAsJsonToStdout_SendsFiltersAndPrintsArray()
    {
        await using var server = await FakeMeasureServer.StartAsync();
        server.Add(SampleReports.Valid(Guid.NewGuid()), "server1");
        server.Add(SampleReports.Valid(Guid.NewGuid()) with { Labels = new Dictionary<string, string> { ["branch"] = "dev" } }, "server1");
        var result = await Export("--server", server.Url.ToString(), "--label", "branch:main", "--suite", "quick",
            "--format", "json", "--granularity", "aggregate", "--out", "-");
        Assert.True(result.ExitCode == ExitCodes.Pass, result.Console);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(3, json.RootElement.GetArrayLength()); // one run: latency, weight_bandwidth, roofline_fraction
        Assert.Contains(server.Requests, r => r.Contains("label=branch%3Amain", StringComparison.Ordinal) && r.Contains("suite=quick", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_NeitherFilesNorServer_Exit2()
    {
        var result = await Export("--out", "-");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--server", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnknownFormat_IsRejected()
    {
        using var folder = new TempFolder();
        var result = await Export(folder.Write("run.json", SampleReports.Valid()), "--format", "xml", "--out", "-");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
    }
}
