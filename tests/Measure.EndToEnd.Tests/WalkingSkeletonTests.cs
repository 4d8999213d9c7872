using System.Net.Http.Json;
using Measure.Agent;
using Measure.Contracts;
using Measure.Tests.Shared;
using Microsoft.Playwright;

namespace Measure.EndToEnd.Tests;

/// <summary>
/// The whole slice: the real server on loopback with a fresh SQLite file, the real agent code measuring
/// this machine and uploading over HTTP, the API reading it back, and Chromium drawing the plots.
/// </summary>
public sealed class WalkingSkeletonTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string TinySuite = """
        suite: e2e
        version: 1
        description: tiny GEMV suite for the end-to-end test
        rules:
          warmup_iterations: 2
          iterations: 12
        workloads:
          - kind: gemv
            precisions: [f32, q8_0]
            threads: [1]
            params:
              rows: 256
              cols: 256
        """;

    private RunningServer server = null!;
    private string workDirectory = null!;

    public Task InitializeAsync()
    {
        server = RunningServer.Start();
        workDirectory = Directory.CreateTempSubdirectory("measure-e2e-").FullName;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(workDirectory, recursive: true);
    }

    private async Task<RunReport> RunAgentAsync()
    {
        var suitePath = Path.Combine(workDirectory, "e2e.yaml");
        var reportPath = Path.Combine(workDirectory, "run.json");
        await File.WriteAllTextAsync(suitePath, TinySuite);

        var exit = await AgentProgram.Main(["run", suitePath, "--out", reportPath, "--server", server.Address.ToString(),
            "--token-file", Path.Combine(server.DataDirectory, "admin-token"), "--quiet", "--label", "branch=main"]);

        Assert.Equal(0, exit);
        return MeasureJson.DeserializeReport(await File.ReadAllTextAsync(reportPath));
    }

    [Fact]
    public async Task AgentRun_IsStoredAndReadBackIdentically()
    {
        var report = await RunAgentAsync();

        var stored = await server.Client().GetFromJsonAsync($"api/v1/runs/{report.RunId}", MeasureJson.Context.RunReport);

        Assert.Equal(MeasureJson.Serialize(report), MeasureJson.Serialize(stored!));
        Assert.Equal(["f32", "q8_0"], stored!.Workloads.Select(w => w.Precision));
        Assert.All(stored.Workloads, w => Assert.Equal(12, w.Samples.Single(s => s.Metric == "latency").Values.Count));
    }

    [Fact]
    public async Task RunPage_InChromium_DrawsALatencyHistogramPerWorkload()
    {
        var report = await RunAgentAsync();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });

        await page.GotoAsync(new Uri(server.Address, $"runs/{report.RunId}").ToString());
        await page.WaitForSelectorAsync("[data-figure][data-drawn='true']");
        await page.WaitForFunctionAsync("document.querySelectorAll('[data-figure]').length === document.querySelectorAll(\"[data-drawn='true']\").length");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "run-page.png"), FullPage = true });

        // At least one drawn figure per workload (the run page adds ECDFs, timelines and sensors beside the histograms).
        Assert.True(await page.Locator(".js-plotly-plot").CountAsync() >= report.Workloads.Count);
        Assert.True(await page.Locator(".js-plotly-plot .bars path").CountAsync() > 0, "histogram bars are drawn");
        await page.CloseAsync();
    }

    [Fact]
    public async Task RunsPage_InChromium_LinksToTheRun()
    {
        var report = await RunAgentAsync();
        var page = await browser.Browser.NewPageAsync();

        await page.GotoAsync(server.Address.ToString());
        await page.ClickAsync($"a[href='runs/{report.RunId}']");
        await page.WaitForURLAsync($"**/runs/{report.RunId}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "runs-page.png") });

        Assert.Contains("e2e", await page.TextContentAsync("h1") ?? "", StringComparison.Ordinal);
        await page.CloseAsync();
    }
}
