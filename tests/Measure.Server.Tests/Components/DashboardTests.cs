using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.Server.Tests.Components;

public sealed class DashboardTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public Task InitializeAsync()
    {
        server = RunningServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private async Task<RunReport> StoreAsync(RunReport report)
    {
        using var response = await server.Client(server.AdminToken).PostAsJsonAsync("api/v1/runs", report, MeasureJson.Context.RunReport);
        response.EnsureSuccessStatusCode();
        return report;
    }

    [Fact]
    public async Task RunsPage_ListsStoredRunsWithLinks()
    {
        var report = await StoreAsync(SampleReports.WithLatencies([1, 2, 3]));

        var html = await server.Client().GetStringAsync("/");
        var document = new HtmlParser().ParseDocument(html);

        Assert.Contains(document.QuerySelectorAll("table.runs a"), a => a.GetAttribute("href") == $"runs/{report.RunId}");
    }

    [Fact]
    public async Task RunPage_EmitsOneHistogramFigurePerSampledMetricWithEverySample()
    {
        var report = await StoreAsync(SampleReports.WithLatencies([1.5, 2.5, 3.5, 4.5]));

        var document = new HtmlParser().ParseDocument(await server.Client().GetStringAsync($"/runs/{report.RunId}"));
        var spec = document.QuerySelector("script[type='application/json']")!.TextContent;
        using var figure = System.Text.Json.JsonDocument.Parse(spec);

        var trace = figure.RootElement.GetProperty("data")[0];
        Assert.Equal("histogram", trace.GetProperty("type").GetString());
        Assert.Equal([1.5, 2.5, 3.5, 4.5], trace.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.NotNull(document.QuerySelector("script[src='lib/plotly.min.js']"));
    }

    [Fact]
    public async Task RunPage_UserSuppliedStrings_AreEncoded()
    {
        var hostile = "<script>alert(1)</script>";
        var report = SampleReports.Valid(Guid.NewGuid());
        report = await StoreAsync(report with
        {
            Device = report.Device with { Hostname = hostile, CpuModel = hostile },
            Workloads = [report.Workloads[0] with { Workload = hostile }],
        });

        var html = await server.Client().GetStringAsync($"/runs/{report.RunId}");
        var document = new HtmlParser().ParseDocument(html);

        Assert.DoesNotContain(hostile, html, StringComparison.Ordinal);
        Assert.Contains(hostile, document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        // The only scripts are ours: the two files and the figures' JSON, none of which can be closed early.
        Assert.All(document.QuerySelectorAll("script"), s =>
        {
            Assert.True(s.HasAttribute("src") || s.GetAttribute("type") == "application/json");
            Assert.DoesNotContain("<", s.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task RunPage_UnknownRun_SaysNotFound()
    {
        var html = await server.Client().GetStringAsync($"/runs/{Guid.NewGuid()}");

        Assert.Contains("Run not found", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlotlyScript_IsServedAsStaticFile()
    {
        using var response = await server.Client().GetAsync("lib/plotly.min.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 1_000_000);
    }
}
