using System.Text.Json;
using System.Xml.Linq;
using Measure.Cli.Gate;
using Measure.Cli.Tests.Server;
using static Measure.Cli.Tests.GateReports;

namespace Measure.Cli.Tests.Gate;

public class GateCommandTests
{
    private static Task<CliRunner.Result> Gate(params string[] args) => CliRunner.RunAsync(GateCommand.Create, ["gate", .. args]);

    [Fact]
    public async Task Gate_SameDistribution_PassesWithExit0()
    {
        using var folder = new TempFolder();
        var result = await Gate("--baseline", folder.Write("a.json", Run(LogNormal(1, 30, 10, 0.03))),
            "--candidate", folder.Write("b.json", Run(LogNormal(2, 30, 10, 0.03))));
        Assert.True(result.ExitCode == ExitCodes.Pass, result.Console);
        Assert.Contains("gate: PASS", result.Console, StringComparison.Ordinal);
        Assert.Contains("latency (ms)", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_Regression_Exit1AndWritesEveryOutput()
    {
        using var folder = new TempFolder();
        var result = await Gate("--baseline", folder.Write("a.json", Run(LogNormal(3, 30, 10, 0.03))),
            "--candidate", folder.Write("b.json", Run(LogNormal(4, 30, 11, 0.03))),
            "--markdown", folder.File("summary.md"), "--junit", folder.File("junit.xml"), "--json", folder.File("gate.json"));

        Assert.Equal(ExitCodes.Regression, result.ExitCode);
        Assert.Contains("FAIL (regression)", result.Console, StringComparison.Ordinal);
        Assert.Contains("Regression: +", result.Console, StringComparison.Ordinal);

        var markdown = await File.ReadAllTextAsync(folder.File("summary.md"));
        Assert.Contains(":x: Measure gate: FAIL (regression)", markdown, StringComparison.Ordinal);
        Assert.Contains("**regression**", markdown, StringComparison.Ordinal);

        var junit = XDocument.Load(folder.File("junit.xml"));
        var cases = junit.Descendants("testcase").ToList();
        Assert.Equal(2, cases.Count); // latency samples and top-1 agreement
        var failure = Assert.Single(junit.Descendants("failure"));
        Assert.Equal("latency", failure.Parent!.Attribute("name")!.Value);
        Assert.Equal("1", junit.Root!.Attribute("failures")!.Value);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(folder.File("gate.json")));
        Assert.Equal("regression", json.RootElement.GetProperty("outcome").GetString());
        var latency = json.RootElement.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("metric").GetString() == "latency");
        Assert.Equal("regression", latency.GetProperty("verdict").GetString());
        Assert.InRange(latency.GetProperty("relativeChange").GetDouble(), 0.05, 0.15);
    }

    [Fact]
    public async Task Gate_JsonToStdout_PrintsOnlyJson()
    {
        using var folder = new TempFolder();
        var result = await Gate("--baseline", folder.Write("a.json", Run(LogNormal(5, 30, 10, 0.03))),
            "--candidate", folder.Write("b.json", Run(LogNormal(6, 30, 10, 0.03))), "--json", "-");
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("pass", json.RootElement.GetProperty("outcome").GetString());
        Assert.DoesNotContain("latency (ms)", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_InconclusiveWithStrict_Exit3AndSaysHowManyMoreSamples()
    {
        using var folder = new TempFolder();
        string[] args = ["--baseline", folder.Write("a.json", Run(LogNormal(17, 5, 10, 0.10))), "--candidate", folder.Write("b.json", Run(LogNormal(18, 5, 10.3, 0.10)))];
        var lenient = await Gate(args);
        var strict = await Gate([.. args, "--strict"]);
        Assert.Equal(ExitCodes.Pass, lenient.ExitCode);
        Assert.Equal(ExitCodes.Inconclusive, strict.ExitCode);
        Assert.Contains("samples/side", strict.Console, StringComparison.Ordinal);
        Assert.Contains("more samples per side would decide", strict.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_InvalidReportFile_Exit2NamingTheFile()
    {
        using var folder = new TempFolder();
        var bad = folder.File("broken.json");
        await File.WriteAllTextAsync(bad, "{ \"schemaVersion\": 1 }");
        var result = await Gate("--baseline", bad, "--candidate", folder.Write("b.json", Run(LogNormal(6, 30, 10, 0.03))));
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("broken.json", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_RunIdWithoutServer_Exit2AskingForServer()
    {
        using var folder = new TempFolder();
        var result = await Gate("--baseline", Guid.NewGuid().ToString(), "--candidate", folder.Write("b.json", Run(LogNormal(6, 30, 10, 0.03))));
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--server", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_BadThreshold_Exit2()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.json", Run(LogNormal(1, 30, 10, 0.03)));
        var result = await Gate("--baseline", path, "--candidate", path, "--threshold", "latency=lots");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("latency", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_HistoryFolder_LearnsNoiseAndStopsFlapping()
    {
        using var folder = new TempFolder();
        var centers = LogNormal(200, 20, 10, 0.05);
        for (var i = 0; i < centers.Length; i++)
            folder.Write($"history/run{i:00}.json", Run(LogNormal(100 + i, 50, centers[i], 0.01)));
        string[] args = ["--baseline", folder.Write("a.json", Run(LogNormal(15, 50, 10, 0.01))), "--candidate", folder.Write("b.json", Run(LogNormal(16, 50, 10.4, 0.01)))];

        Assert.Equal(ExitCodes.Regression, (await Gate(args)).ExitCode);
        var withHistory = await Gate([.. args, "--history", Path.Combine(folder.Path, "history")]);
        Assert.Equal(ExitCodes.Pass, withHistory.ExitCode);
        Assert.Contains("ThresholdWidenedByNoise", withHistory.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_ServerQueries_ResolveLatestRunsPerDeviceAndFetchHistory()
    {
        await using var server = await FakeMeasureServer.StartAsync(requiredToken: "secret");
        var t0 = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var main = new Dictionary<string, string> { ["branch"] = "main" };
        var pr = new Dictionary<string, string> { ["branch"] = "pr-42" };
        // Three older main runs per device (history), then the newest main run and the PR run of each device.
        foreach (var (cpu, device, center) in new[] { ("EPYC", "server1", 10.0), ("Cortex-A76", "rpi5", 50.0) })
        {
            for (var i = 0; i < 3; i++)
                server.Add(Run(LogNormal(i + center.GetHashCode(), 30, center, 0.03), cpu, startedAt: t0.AddHours(i)) with { Labels = main }, device);
            server.Add(Run(LogNormal(10, 30, center, 0.03), cpu, startedAt: t0.AddDays(1)) with { Labels = main }, device);
            var slowdown = device == "rpi5" ? 1.10 : 1.0;
            server.Add(Run(LogNormal(11, 30, center * slowdown, 0.03), cpu, startedAt: t0.AddDays(2)) with { Labels = pr }, device);
        }

        var result = await Gate("--server", server.Url.ToString(), "--token", "secret",
            "--baseline", "latest-per-device:branch=main,suite=quick", "--candidate", "latest-per-device:branch=pr-42", "--json", "-");

        Assert.Equal(ExitCodes.Regression, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var latency = json.RootElement.GetProperty("comparisons").EnumerateArray().Where(c => c.GetProperty("metric").GetString() == "latency").ToList();
        Assert.Equal(2, latency.Count);
        Assert.Equal("regression", latency.Single(c => c.GetProperty("device").GetString()!.Contains("Cortex", StringComparison.Ordinal)).GetProperty("verdict").GetString());
        Assert.Contains(server.Requests, r => r.Contains("label=branch%3Amain", StringComparison.Ordinal) && r.Contains("suite=quick", StringComparison.Ordinal));
        // History: the earlier main runs were fetched (3 per device), besides the 4 compared runs.
        Assert.Equal(10, server.Requests.Count(r => r.StartsWith("GET /api/v1/runs/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Gate_ServerLatestWithNoMatch_Exit2NamingTheQuery()
    {
        await using var server = await FakeMeasureServer.StartAsync();
        using var folder = new TempFolder();
        var result = await Gate("--server", server.Url.ToString(), "--baseline", "latest:branch=main,device=jetson",
            "--candidate", folder.Write("b.json", Run(LogNormal(6, 30, 10, 0.03))));
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("latest:branch=main,device=jetson", result.Console, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.Contains("device=jetson", StringComparison.Ordinal) && r.Contains("limit=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gate_ServerRefusesToken_Exit2WithHint()
    {
        await using var server = await FakeMeasureServer.StartAsync(requiredToken: "secret");
        using var folder = new TempFolder();
        var result = await Gate("--server", server.Url.ToString(), "--token", "wrong", "--baseline", Guid.NewGuid().ToString(),
            "--candidate", folder.Write("b.json", Run(LogNormal(6, 30, 10, 0.03))));
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("401", result.Console, StringComparison.Ordinal);
    }
}
