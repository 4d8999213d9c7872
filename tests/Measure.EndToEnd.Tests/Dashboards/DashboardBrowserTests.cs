using Microsoft.Playwright;

namespace Measure.EndToEnd.Tests.Dashboards;

/// <summary>
/// Every view in headless Chromium: each figure drawn by plotly with as many traces as its spec, screenshots in
/// light and dark mode and at phone width saved under screenshots/ for a person to look at.
/// </summary>
public sealed class DashboardBrowserTests(BrowserFixture browser, DashboardSite site) : IClassFixture<BrowserFixture>, IClassFixture<DashboardSite>
{
    public static TheoryData<string, string> Views() => new()
    {
        { "runs", "" },
        { "leaderboard", "dashboards/leaderboard" },
        { "pareto", "dashboards/pareto" },
        { "roofline", "dashboards/roofline" },
        { "trends", "trends?metric=token_latency&stat=median&device=pi5-lab" },
        { "fleet", "fleet" },
    };

    private async Task<IPage> OpenAsync(string path, ColorScheme scheme = ColorScheme.Light, int width = 1200)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = scheme,
        });
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => throw new InvalidOperationException($"a dialog opened: {dialog.Message}");
        await page.GotoAsync(new Uri(site.Server.Address, path).ToString());
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-figure]')].every(el => el.dataset.drawn === 'true')");
        return page;
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Every figure on the page: how many traces its spec has and how many plotly drew into its SVG.</summary>
    private static async Task<int[][]> FiguresAsync(IPage page) => await page.EvaluateAsync<int[][]>("""
        () => [...document.querySelectorAll('[data-figure]')].map(el => [
            JSON.parse(document.getElementById(el.dataset.figure + '-spec').textContent).data.length,
            el.data ? el.data.length : -1,
            el.querySelectorAll('.main-svg').length,
            el.querySelectorAll('.cartesianlayer .trace').length])
        """);

    [Theory]
    [MemberData(nameof(Views))]
    public async Task View_InChromium_DrawsEveryFigureWithItsTraces(string name, string path)
    {
        var page = await OpenAsync(path);
        await ShotAsync(page, $"{name}-light");

        foreach (var figure in await FiguresAsync(page))
        {
            Assert.Equal(figure[0], figure[1]);
            Assert.True(figure[2] > 0, "plotly's SVG is present");
            Assert.Equal(figure[0], figure[3]);
        }
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RunPage_OfAnLlmRunWithSensors_DrawsDistributionsTimelineAndSensorsWithPhasesAndThrottling()
    {
        var run = site.LlmRuns[^1];
        var page = await OpenAsync($"runs/{run.RunId}");
        await ShotAsync(page, "run-llm-light");

        var figures = await FiguresAsync(page);
        Assert.Equal(1 + (2 * 3), figures.Length); // sensors + (histogram, ECDF, timeline) for token_latency and ttft
        Assert.All(figures, f => Assert.Equal(f[0], f[3]));
        Assert.Equal(4, await page.Locator("#sensors .cartesianlayer .trace").CountAsync());
        Assert.True(await page.Locator("#sensors .shapelayer path").CountAsync() >= 7, "six phases shaded and the throttling onset marked");
        Assert.Contains("throttled", await page.Locator(".flags").TextContentAsync() ?? "", StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RunPage_OfARealAgentRun_DrawsItsFigures()
    {
        var run = site.AgentRuns[0];
        var page = await OpenAsync($"runs/{run.RunId}");
        await ShotAsync(page, "run-agent-light");

        var figures = await FiguresAsync(page);
        Assert.True(figures.Length >= 3 * run.Workloads.Count);
        Assert.All(figures, f => Assert.Equal(f[0], f[3]));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Compare_TwoRealAgentRuns_DrawsTheForestPlotAndVerdicts()
    {
        var page = await OpenAsync($"compare?run={site.AgentRuns[0].RunId}&run={site.AgentRuns[1].RunId}");
        await ShotAsync(page, "compare-light");

        Assert.True(await page.Locator("td.verdict").CountAsync() >= 2);
        Assert.All(await FiguresAsync(page), f => Assert.Equal(f[0], f[3]));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Trends_SlowdownIsMarkedAndClickingThroughOpensARun()
    {
        var page = await OpenAsync("trends?metric=token_latency&device=pi5-lab");

        Assert.True(await page.Locator("ul.changes li.worse").CountAsync() >= 1);
        await page.Locator("ul.changes li.worse a").First.ClickAsync();
        await page.WaitForURLAsync("**/runs/*");
        Assert.Contains("llm-small", await page.Locator("h1").TextContentAsync() ?? "", StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Leaderboard_HostileDeviceName_ShowsAsTextAndRunsNoScript()
    {
        var page = await OpenAsync("dashboards/leaderboard?precision=q8_0&suite=llm-small");

        var devices = await page.Locator("table.data tbody td:nth-child(4)").AllTextContentsAsync();
        Assert.Contains(DashboardSite.Hostile, devices);
        await page.Context.CloseAsync();

        var roofline = await OpenAsync("dashboards/roofline?suite=llm-small");
        var legend = await roofline.Locator(".legendtext").AllTextContentsAsync();
        Assert.Contains(DashboardSite.Hostile, legend);
        Assert.Equal(0, await roofline.EvaluateAsync<int>("() => document.querySelectorAll('.js-plotly-plot script').length"));
        await ShotAsync(roofline, "roofline-hostile-legend");
        await roofline.Context.CloseAsync();
    }

    [Theory]
    [InlineData("leaderboard", "dashboards/leaderboard")]
    [InlineData("trends", "trends?metric=token_latency&device=pi5-lab")]
    [InlineData("run", "RUN")]
    public async Task View_DarkModeAtPhoneWidth_FitsTheScreen(string name, string path)
    {
        path = path == "RUN" ? $"runs/{site.LlmRuns[^1].RunId}" : path;
        var page = await OpenAsync(path, ColorScheme.Dark, width: 390);
        await ShotAsync(page, $"{name}-dark-phone");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 1, $"the page is {overflow}px wider than a 390px screen");
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(18, 18, 18)", background);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_TabReachesSkipLinkThenNavigation()
    {
        var page = await OpenAsync("dashboards/leaderboard");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("A", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        await page.Context.CloseAsync();
    }
}
