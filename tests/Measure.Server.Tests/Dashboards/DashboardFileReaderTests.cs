using Measure.Server.Components.Dashboards;
using Measure.Tests.Shared;

namespace Measure.Server.Tests.Dashboards;

public sealed class DashboardFileReaderTests
{
    private const string Valid = """
        title: Board
        order: 2
        panels:
          - kind: table
            title: Latest
            filters: { suite: quick, tag: rack-a, since: 2026-01-01 }
            columns:
              - decode_tokens_per_second
              - metric: [latency, token_latency]
                stat: p90
                label: p90 latency
          - kind: scatter
            title: Pareto
            x: ttft
            y: top1_agreement
            group: precision
            frontier: true
        """;

    [Fact]
    public void Parse_ValidFile_ReadsPanelsMetricsAndFilters()
    {
        var dashboard = DashboardFileReader.Parse("board.yaml", Valid);

        Assert.Equal("board", dashboard.Id);
        Assert.Equal(2, dashboard.Order);
        var table = dashboard.Panels[0];
        Assert.Equal(PanelKind.Table, table.Kind);
        Assert.Equal("quick", table.Filter.Suite);
        Assert.Equal("rack-a", table.Filter.DeviceTag);
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), table.Filter.SinceUtc);
        Assert.Equal(["latency", "token_latency"], table.Columns[1].Names);
        Assert.Equal(MetricStatistic.P90, table.Columns[1].Statistic);
        Assert.Equal("p90 latency", table.Columns[1].Title);
        var scatter = dashboard.Panels[1];
        Assert.Equal(PanelGrouping.Precision, scatter.Group);
        Assert.True(scatter.Frontier);
        Assert.Equal(["ttft"], scatter.X!.Names);
    }

    [Theory]
    [InlineData("title: T\npanels:\n  - kind: table\n    title: x\n    colums: [a]\n", "panels[0].colums")]
    [InlineData("title: T\npanels:\n  - kind: pie\n    title: x\n", "panels[0].kind")]
    [InlineData("title: T\npanels:\n  - kind: table\n    title: x\n", "panels[0].columns")]
    [InlineData("title: T\npanels:\n  - kind: scatter\n    title: x\n    x: a\n", "panels[0].y")]
    [InlineData("title: T\npanels:\n  - kind: bar\n    title: x\n    metric: { metric: a, stat: p42 }\n", "panels[0].metric.stat")]
    [InlineData("title: T\npanels:\n  - kind: trend\n    title: x\n    metric: a\n    filters: { since: yesterday }\n", "panels[0].filters.since")]
    [InlineData("title: T\npanels:\n  - kind: trend\n    title: x\n    metric: a\n    limit: 0\n", "panels[0].limit")]
    [InlineData("panels:\n  - kind: trend\n    title: x\n    metric: a\n", "title")]
    [InlineData("title: T\npanels: []\n", "panels")]
    [InlineData("title: T\ncolour: red\npanels: []\n", "colour")]
    public void Parse_InvalidFile_NamesFileAndKey(string yaml, string key)
    {
        var ex = Assert.Throws<DashboardDefinitionException>(() => DashboardFileReader.Parse("lab.yaml", yaml));

        Assert.Equal("lab.yaml", ex.File);
        Assert.Equal(key, ex.Key);
        Assert.Contains("'lab.yaml'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidYaml_NamesFileAndLine()
    {
        var ex = Assert.Throws<DashboardDefinitionException>(() => DashboardFileReader.Parse("lab.yaml", "title: [unclosed\n"));

        Assert.Equal("lab.yaml", ex.File);
        Assert.StartsWith("(line ", ex.Key, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FileNameWithSpaces_IsRejected()
    {
        var ex = Assert.Throws<DashboardDefinitionException>(() => DashboardFileReader.Parse("my board.yaml", Valid));

        Assert.Equal("(file name)", ex.Key);
    }

    [Fact]
    public void Load_RepositoryDashboards_AreAllValid()
    {
        var catalog = DashboardCatalog.Load(Path.Combine(RepoPaths.Root, "dashboards"));

        Assert.Equal(["leaderboard", "pareto", "roofline"], catalog.All.Select(d => d.Id));
        Assert.All(catalog.All, d => Assert.NotEmpty(d.Panels));
    }

    [Fact]
    public void Load_InvalidFileInFolder_StopsWithItsName()
    {
        var folder = Directory.CreateTempSubdirectory("dashboards-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "good.yaml"), Valid);
            File.WriteAllText(Path.Combine(folder, "broken.yml"), "title: T\npanels:\n  - kind: bar\n    title: x\n");

            var ex = Assert.Throws<DashboardDefinitionException>(() => DashboardCatalog.Load(folder));

            Assert.Equal("broken.yml", ex.File);
            Assert.Equal("panels[0].metric", ex.Key);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Resolve_ConfiguredFolderMissing_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => DashboardDirectory.Resolve("/nonexistent/dashboards", AppContext.BaseDirectory));
    }

    [Fact]
    public void Resolve_NothingConfigured_PrefersTheFolderBesideTheBinaries()
    {
        // The build copies dashboards/ next to the server's binaries, as a published server has it.
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "dashboards"), DashboardDirectory.Resolve(null, AppContext.BaseDirectory));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "dashboards", "leaderboard.yaml")));
    }

    [Fact]
    public void Resolve_NothingConfiguredInsideTheSourceTree_FindsTheRepositoryFolder()
    {
        Assert.Equal(Path.Combine(RepoPaths.Root, "dashboards"), DashboardDirectory.Resolve(null, RepoPaths.Combine("src", "Measure.Server")));
    }
}
