using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Measure.Server.Tests.Components.Pages;

public sealed class DashboardPagesTests(SeededServer seeded) : IClassFixture<SeededServer>
{
    private async Task<(string Html, IHtmlDocument Document)> GetAsync(string path)
    {
        using var response = await seeded.Server.Client().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return (html, new HtmlParser().ParseDocument(html));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    private static JsonDocument Figure(IHtmlDocument document, string id) =>
        JsonDocument.Parse(document.GetElementById($"{id}-spec")!.TextContent);

    public static TheoryData<string> ViewsShowingDevices() => new()
    {
        "",
        "dashboards/leaderboard",
        "dashboards/pareto",
        "dashboards/roofline",
        "trends",
        "fleet",
    };

    [Theory]
    [MemberData(nameof(ViewsShowingDevices))]
    public async Task View_DeviceNamedWithMarkup_IsRenderedAsText(string path)
    {
        var (html, document) = await GetAsync(path);

        Assert.DoesNotContain(SeededServer.Hostile, html, StringComparison.Ordinal);
        // Shown as text in the page, or as a figure label (entity-encoded there, which plotly shows as the characters).
        var figureTexts = document.QuerySelectorAll("script[type='application/json']").SelectMany(s => Strings(JsonDocument.Parse(s.TextContent).RootElement));
        Assert.Contains(SeededServer.Hostile, document.Body!.TextContent + string.Concat(figureTexts.Select(System.Net.WebUtility.HtmlDecode)), StringComparison.Ordinal);
        Assert.All(document.QuerySelectorAll("script"), s =>
        {
            Assert.True(s.HasAttribute("src") || s.GetAttribute("type") == "application/json");
            Assert.DoesNotContain("<", s.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ComparePage_DeviceNamedWithMarkup_IsRenderedAsText()
    {
        var baseline = seeded.Runs.First(r => r.Device.Hostname == SeededServer.Hostile);
        var candidate = seeded.Runs.Last(r => r.Device.Hostname == SeededServer.Hostile);

        var (html, document) = await GetAsync($"compare?run={baseline.RunId}&run={candidate.RunId}");

        Assert.DoesNotContain(SeededServer.Hostile, html, StringComparison.Ordinal);
        Assert.Contains(SeededServer.Hostile, document.QuerySelector("p.meta")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaderboard_ListsNewestResultPerSetupSortedWithCsvAndRunLinks()
    {
        var (_, document) = await GetAsync("dashboards/leaderboard?sort=token_latency_p90&desc=1");

        var rows = document.QuerySelectorAll("table.data tbody tr");
        Assert.Equal(4, rows.Length); // 2 devices x 2 precisions, newest of each
        var headers = document.QuerySelectorAll("table.data thead th").Select(h => h.TextContent.Trim()).ToList();
        var p90 = headers.FindIndex(h => h.StartsWith("p90 latency (ms)", StringComparison.Ordinal));
        Assert.True(p90 > 0, string.Join(" | ", headers));
        var values = rows.Select(r => double.Parse(r.Children[p90].TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(values.OrderDescending(), values);
        Assert.All(rows, r => Assert.StartsWith("runs/", r.Children[p90].QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal));
        var csv = Uri.UnescapeDataString(document.QuerySelector("a[data-csv]")!.GetAttribute("href")!.Split(',', 2)[1]);
        Assert.Equal(5, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(SeededServer.Hostile, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaderboard_FilteredByPrecisionAndTag_KeepsOnlyMatchingRows()
    {
        var (_, document) = await GetAsync("dashboards/leaderboard?precision=q8_0&tag=rack-a");

        var rows = document.QuerySelectorAll("table.data tbody tr");
        Assert.Single(rows);
        Assert.Equal("q8_0", rows[0].Children[1].TextContent);
        Assert.Equal(SeededServer.Hostile, rows[0].Children[3].TextContent);
        Assert.Equal("q8_0", document.QuerySelector("input[name='precision']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ParetoAndRoofline_DrawFiguresWithTheExpectedTraces()
    {
        var (_, pareto) = await GetAsync("dashboards/pareto");
        using (var figure = Figure(pareto, "p0"))
        {
            var names = figure.RootElement.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
            Assert.Equal(["f32", "q8_0", "Pareto frontier"], names);
        }

        var (_, roofline) = await GetAsync("dashboards/roofline");
        using (var figure = Figure(roofline, "p0"))
        {
            var names = figure.RootElement.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();
            Assert.Contains(names, n => n.EndsWith("int8 roof", StringComparison.Ordinal));
            Assert.Contains(names, n => n.EndsWith("fp32 roof", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Trends_MarksTheLatencyStepAsARegressionWithRunLinks()
    {
        var (_, document) = await GetAsync("trends?metric=latency&precision=f32&device=bench-a");

        var change = document.QuerySelector("ul.changes li.worse");
        Assert.NotNull(change);
        Assert.Equal(3, change!.QuerySelectorAll("a").Length);
        Assert.Equal("latency", document.QuerySelector("select[name='metric'] option[selected]")!.GetAttribute("value"));
        using var figure = Figure(document, "trend");
        Assert.True(figure.RootElement.GetProperty("layout").GetProperty("shapes").GetArrayLength() >= 1);
    }

    [Fact]
    public async Task Compare_BeforeAndAfterTheStep_SaysWorseAndNamesTheMethod()
    {
        var before = seeded.Runs.First(r => r.Device.Hostname == "bench-a" && r.Workloads[0].Precision == "f32");
        var after = seeded.Runs.Last(r => r.Device.Hostname == "bench-a" && r.Workloads[0].Precision == "f32");

        var (_, document) = await GetAsync($"compare?run={before.RunId}&run={after.RunId}");

        var latency = document.QuerySelectorAll("table.data tbody tr").Single(r => r.Children[1].TextContent == "latency");
        Assert.Equal("worse", latency.QuerySelector("td.verdict")!.TextContent);
        Assert.Contains("Mann-Whitney", latency.LastElementChild!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.GetElementById("forest-spec"));
    }

    [Fact]
    public async Task Compare_BadRunId_SaysWhat()
    {
        var (_, document) = await GetAsync("compare?run=nope");

        Assert.Contains("'nope' is not a run id", document.QuerySelector("p.error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPage_ShowsEcdfTimelineAndEnergyWithSourceAndUncertainty()
    {
        var run = seeded.Runs[0];

        var (_, document) = await GetAsync($"runs/{run.RunId}");

        Assert.NotNull(document.GetElementById("w0-s0-ecdf-spec"));
        Assert.NotNull(document.GetElementById("w0-s0-timeline-spec"));
        var energy = document.QuerySelector("table[data-table='workload-0-energy'] tbody tr")!;
        Assert.Contains("rapl/package-0", energy.TextContent, StringComparison.Ordinal);
        Assert.Contains("5.0%", energy.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fleet_ListsTheEnrolledAgentAndTheQueue()
    {
        var (_, document) = await GetAsync("fleet");

        var agent = document.QuerySelector("table[data-table='agents'] tbody tr")!;
        Assert.Contains("rack-a", agent.TextContent, StringComparison.Ordinal);
        Assert.Equal("online", agent.QuerySelector(".status")!.TextContent);
        Assert.Contains("queued: 0", document.QuerySelector(".queue")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Unknown_SaysNotFoundAndListsKnownOnes()
    {
        var (_, document) = await GetAsync("dashboards/nope");

        Assert.Contains("leaderboard", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_BadDate_SaysWhichValue()
    {
        var (_, document) = await GetAsync("dashboards/leaderboard?since=yesterday");

        Assert.Contains("'yesterday' is not a date", document.QuerySelector("p.error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_NavigatesToEveryView()
    {
        var (_, document) = await GetAsync("");

        var links = document.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Superset(new HashSet<string?> { "dashboards/leaderboard", "dashboards/pareto", "dashboards/roofline", "compare", "trends", "fleet" }, links.ToHashSet());
    }
}
