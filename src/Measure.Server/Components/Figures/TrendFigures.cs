using System.Globalization;
using System.Text.Json.Nodes;
using Measure.Contracts;
using Measure.Server.Components.Trends;

namespace Measure.Server.Components.Figures;

/// <summary>A metric over time: one line per comparability key, change points as vertical markers.</summary>
public static class TrendFigures
{
    public const string RegressionColor = "#d93025";
    public const string ImprovementColor = "#1e8e3e";

    public static FigureSpec Over(string title, string metricTitle, IReadOnlyList<TrendSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var declaration = series.Select(s => s.Declaration).FirstOrDefault(d => d is not null);
        var yTitle = declaration is null ? metricTitle
            : $"{metricTitle} ({declaration.Unit}, {(declaration.Direction == MetricDirection.LowerIsBetter ? "lower" : "higher")} is better)";
        var figure = new FigureSpec().WithTitle(title).WithAxes("run start (UTC)", yTitle);
        var shapes = new JsonArray();
        foreach (var line in series)
        {
            figure.AddTrace(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines+markers",
                ["name"] = PanelFigures.Label(line.Label),
                ["x"] = PanelFigures.Texts(line.Points.Select(p => Iso(p.AtUtc))),
                ["y"] = FigureSpec.Numbers(line.Points.Select(p => p.Value)),
                ["customdata"] = PanelFigures.Texts(line.Points.Select(p => ResultGrouping.RunLink(p.RunId))),
                ["hovertemplate"] = "%{x}<br>%{y}<extra>" + System.Net.WebUtility.HtmlEncode(line.Label) + "</extra>",
                ["marker"] = new JsonObject { ["size"] = 5 },
            });
            foreach (var change in line.Changes)
            {
                var color = change.IsRegression ? RegressionColor : ImprovementColor;
                shapes.Add(new JsonObject
                {
                    ["type"] = "line",
                    ["xref"] = "x",
                    ["yref"] = "paper",
                    ["x0"] = Iso(change.AtUtc),
                    ["x1"] = Iso(change.AtUtc),
                    ["y0"] = 0,
                    ["y1"] = 1,
                    ["line"] = new JsonObject { ["color"] = color, ["width"] = 2, ["dash"] = change.IsRegression ? "solid" : "dot" },
                });
            }
            if (line.Changes.Count > 0)
            {
                figure.AddTrace(new JsonObject
                {
                    ["type"] = "scatter",
                    ["mode"] = "markers",
                    ["name"] = PanelFigures.Label($"{line.Label}: change points"),
                    ["x"] = PanelFigures.Texts(line.Changes.Select(c => Iso(c.AtUtc))),
                    ["y"] = FigureSpec.Numbers(line.Changes.Select(c => c.MedianAfter)),
                    ["customdata"] = PanelFigures.Texts(line.Changes.Select(c => ResultGrouping.RunLink(c.RunAfter))),
                    ["text"] = PanelFigures.Texts(line.Changes.Select(c => $"{(c.IsRegression ? "regression" : "improvement")} {Tables.NumberText.Percent(c.RelativeChange)}")),
                    ["hovertemplate"] = "%{text}<br>%{x}<extra></extra>",
                    ["marker"] = new JsonObject
                    {
                        ["size"] = 13,
                        ["symbol"] = "diamond",
                        ["color"] = PanelFigures.Texts(line.Changes.Select(c => c.IsRegression ? RegressionColor : ImprovementColor)),
                    },
                });
            }
        }
        figure.Layout["shapes"] = shapes;
        return figure;
    }

    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
