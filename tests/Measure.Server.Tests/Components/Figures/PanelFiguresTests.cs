using System.Text.Json.Nodes;
using Measure.Contracts;
using Measure.Server.Components.Dashboards;
using Measure.Server.Components.Figures;
using Measure.Storage.Queries;

namespace Measure.Server.Tests.Components.Figures;

public sealed class PanelFiguresTests
{
    private static readonly PanelDefinition Pareto = new(PanelKind.Scatter, "Pareto", ResultFilter.Any, PanelGrouping.Precision, [],
        X: MetricReference.Of("latency"), Y: MetricReference.Of("top1_agreement"), Frontier: true);

    [Fact]
    public void Scatter_GroupsByPrecisionAddsFrontierAndTitlesAxesFromDeclarations()
    {
        var rows = new[]
        {
            TestRows.Row(precision: "f32", latency: 20, accuracy: 0.99),
            TestRows.Row(precision: "q8_0", latency: 8, accuracy: 0.97),
            TestRows.Row(precision: "q8_0", latency: 9, accuracy: 0.90),
            TestRows.Row(precision: "f16", latency: null, accuracy: 0.98),
        };

        var figure = JsonNode.Parse(PanelFigures.Scatter(Pareto, rows).ToJson())!;

        var traces = figure["data"]!.AsArray();
        Assert.Equal(["f32", "q8_0", "Pareto frontier"], traces.Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal([8.0, 20.0], traces[2]!["x"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal("latency (ms, lower is better)", figure["layout"]!["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("top1_agreement (ratio, higher is better)", figure["layout"]!["yaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.StartsWith("runs/", traces[0]!["customdata"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scatter_HostileDeviceName_IsEntityEncodedInTheFigure()
    {
        var panel = Pareto with { Group = PanelGrouping.Device };
        var json = PanelFigures.Scatter(panel, [TestRows.Row(device: "<script>alert(1)</script>", accuracy: 0.9)]).ToJson();

        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt;", JsonNode.Parse(json)!["data"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Roofline_PlacesResultsAtIntensityAndDrawsEachDevicesRoof()
    {
        var limits = new DeviceLimits("avx2", 2, ReadBandwidthGBps1Thread: 10, Fp32Gflops1Thread: 40);
        var panel = new PanelDefinition(PanelKind.Roofline, "Roofline", ResultFilter.Any, PanelGrouping.Device, [],
            X: MetricReference.Of("weight_bandwidth"), Y: MetricReference.Of("throughput"));
        var rows = new[] { TestRows.Row(bandwidth: 5, throughput: 2.5, limits: limits), TestRows.Row(device: "none", bandwidth: 1, throughput: 1) };

        var figure = JsonNode.Parse(PanelFigures.Roofline(panel, rows).ToJson())!;

        var traces = figure["data"]!.AsArray();
        var pi = traces.Single(t => t!["name"]!.GetValue<string>() == "pi5")!;
        Assert.Equal(0.5, pi["x"]![0]!.GetValue<double>(), 12);
        var roof = traces.Single(t => t!["name"]!.GetValue<string>().EndsWith("roof", StringComparison.Ordinal))!;
        var xs = roof["x"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        var ys = roof["y"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.All(xs.Zip(ys), p => Assert.Equal(Math.Min(40, 10 * p.First), p.Second, 9));
        Assert.Equal("log", figure["layout"]!["xaxis"]!["type"]!.GetValue<string>());
        Assert.Equal("pi5 1 thread fp32 roof", roof["name"]!.GetValue<string>());
    }

    [Fact]
    public void Bar_ShowsOnlyTheNewestResultOfEachSetup()
    {
        var panel = new PanelDefinition(PanelKind.Bar, "Bars", ResultFilter.Any, PanelGrouping.Device, [], Metric: MetricReference.Of("latency", MetricStatistic.P90));
        var newestFirst = new[] { TestRows.Row(latency: 10), TestRows.Row(latency: 50) };

        var figure = JsonNode.Parse(PanelFigures.Bar(panel, newestFirst).ToJson())!;

        Assert.Equal([11.0], figure["data"]![0]!["y"]!.AsArray().Select(v => Math.Round(v!.GetValue<double>(), 6)));
    }
}
