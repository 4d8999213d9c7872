using System.Text.Json.Nodes;
using Measure.Server.Components.Figures;

namespace Measure.Server.Components.Comparisons;

/// <summary>A forest plot: each metric's relative change with its interval, coloured by verdict.</summary>
public static class ComparisonFigures
{
    private static readonly Dictionary<string, string> Colors = new(StringComparer.Ordinal)
    {
        ["better"] = TrendFigures.ImprovementColor,
        ["worse"] = TrendFigures.RegressionColor,
        ["same"] = "#7f7f7f",
        ["unknown"] = "#b0892b",
    };

    public static FigureSpec Forest(IReadOnlyList<MetricComparison> comparisons)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        var compared = comparisons.Where(c => c.Result is not null && double.IsFinite(c.Result.RelativeChange)).ToList();
        var figure = new FigureSpec().WithTitle("Relative change against the baseline (95% interval where the method gives one)")
            .WithAxes("relative change (candidate / baseline − 1)", "");
        ((JsonObject)figure.Layout["xaxis"]!)["tickformat"] = "+.1%";
        ((JsonObject)figure.Layout["xaxis"]!)["zeroline"] = true;
        ((JsonObject)figure.Layout["yaxis"]!)["automargin"] = true;
        figure.Layout["height"] = Math.Max(320, 60 + (28 * compared.Count));
        foreach (var group in compared.GroupBy(c => c.VerdictClass))
        {
            var items = group.ToList();
            figure.AddTrace(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "markers",
                ["name"] = items[0].VerdictText,
                ["orientation"] = "h",
                ["x"] = FigureSpec.Numbers(items.Select(c => c.Result!.RelativeChange)),
                ["y"] = PanelFigures.Texts(items.Select(c => $"{c.Workload} · {c.Metric} · {c.CandidateLabel}")),
                ["error_x"] = new JsonObject
                {
                    ["type"] = "data",
                    ["symmetric"] = false,
                    ["array"] = FigureSpec.Numbers(items.Select(c => c.Result!.RelativeChangeInterval is { } i ? Math.Max(0, i.Upper - c.Result.RelativeChange) : 0)),
                    ["arrayminus"] = FigureSpec.Numbers(items.Select(c => c.Result!.RelativeChangeInterval is { } i ? Math.Max(0, c.Result.RelativeChange - i.Lower) : 0)),
                },
                ["marker"] = new JsonObject { ["size"] = 10, ["color"] = Colors[group.Key] },
                ["hovertemplate"] = "%{y}: %{x:+.2%}<extra></extra>",
            });
        }
        return figure;
    }
}
