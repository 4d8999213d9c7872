using System.Text.Json.Nodes;
using Measure.Contracts;
using Measure.Server.Components.Figures;

namespace Measure.Server.Tests.Components.Figures;

public sealed class RunFiguresTests
{
    private static readonly MetricDeclaration Latency = new("latency", "ms", MetricDirection.LowerIsBetter, MetricAggregation.Median);

    [Fact]
    public void Ecdf_IsSortedAndRisesToOne()
    {
        var figure = JsonNode.Parse(RunFigures.Ecdf("w", new SampleSeries("latency", [3, 1, 2, 2]), Latency).ToJson())!;

        var trace = figure["data"]![0]!;
        Assert.Equal([1.0, 2, 2, 3], trace["x"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal([0.25, 0.5, 0.75, 1.0], trace["y"]!.AsArray().Select(v => v!.GetValue<double>()));
    }

    [Fact]
    public void Timeline_KeepsMeasurementOrder()
    {
        var figure = JsonNode.Parse(RunFigures.Timeline("w", new SampleSeries("token_latency", [5, 1, 9]), Latency).ToJson())!;

        Assert.Equal([5.0, 1, 9], figure["data"]![0]!["y"]!.AsArray().Select(v => v!.GetValue<double>()));
    }

    [Fact]
    public void Sensors_OneAxisPerKindSharedTimePhasesShadedThrottleMarked()
    {
        var traces = new[]
        {
            new SensorTrace("power/rapl", "power", "W", "rapl", [0, 1, 2], [5, 9, 9]),
            new SensorTrace("thermal/cpu", "thermal", "°C", "sysfs", [0, 1, 2], [40, 60, 80]),
            new SensorTrace("thermal/gpu", "thermal", "°C", "sysfs", [0, 1, 2], [40, 50, 60]),
        };
        var phases = new[] { new PhaseMark("idle", 0, 0.5), new PhaseMark("timed", 0.5, 2, "gemv/f32/1t") };

        var figure = JsonNode.Parse(RunFigures.Sensors(traces, phases, [1.5]).ToJson())!;

        var data = figure["data"]!.AsArray();
        Assert.Null(data[0]!["yaxis"]!.GetValue<string>() == "y" ? null : "wrong axis");
        Assert.Equal("y2", data[1]!["yaxis"]!.GetValue<string>());
        Assert.Equal("y2", data[2]!["yaxis"]!.GetValue<string>());
        var layout = figure["layout"]!;
        Assert.NotNull(layout["yaxis2"]);
        Assert.Null(layout["yaxis3"]);
        var shapes = layout["shapes"]!.AsArray();
        Assert.Equal(2, shapes.Count(s => s!["type"]!.GetValue<string>() == "rect"));
        Assert.Equal(1.5, shapes.Single(s => s!["type"]!.GetValue<string>() == "line")!["x0"]!.GetValue<double>());
        Assert.Contains(layout["annotations"]!.AsArray(), a => a!["text"]!.GetValue<string>() == "throttled");
    }
}
