using System.Text.Json.Nodes;
using Measure.Contracts;

namespace Measure.Server.Components.Figures;

/// <summary>Figures of a workload's latency samples.</summary>
public static class LatencyFigures
{
    /// <summary>Histogram of every sample of one series, so the shape (tails, modes) is visible, not just a mean.</summary>
    public static FigureSpec Distribution(string name, SampleSeries series, MetricDeclaration metric) =>
        new FigureSpec()
            .WithTitle($"{name}: {metric.Name} distribution ({series.Values.Count} samples)")
            .WithAxes($"{metric.Name} ({metric.Unit})", "iterations")
            .AddTrace(new JsonObject
            {
                ["type"] = "histogram",
                ["name"] = PanelFigures.Label(name),
                ["x"] = FigureSpec.Numbers(series.Values),
                ["nbinsx"] = Math.Clamp(series.Values.Count / 2, 10, 80),
                ["hovertemplate"] = "%{x}: %{y} iterations<extra></extra>",
            });
}
