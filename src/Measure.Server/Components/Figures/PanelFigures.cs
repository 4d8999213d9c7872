using System.Text.Json.Nodes;
using Measure.Contracts;
using Measure.Server.Components.Dashboards;
using Measure.Storage.Queries;

namespace Measure.Server.Components.Figures;

/// <summary>
/// Figures of dashboard panels, built from stored summaries only. Axis titles carry the unit and direction
/// from each run's metric declaration; every point carries its run link (figures.js opens it on click).
/// </summary>
public static class PanelFigures
{
    public static FigureSpec Scatter(PanelDefinition panel, IReadOnlyList<ResultRow> rows)
    {
        var x = panel.X ?? throw new ArgumentException("A scatter panel needs an x metric.", nameof(panel));
        var y = panel.Y ?? throw new ArgumentException("A scatter panel needs a y metric.", nameof(panel));
        var points = rows.Select(r => (Row: r, X: x.ValueIn(r), Y: y.ValueIn(r)))
            .Where(p => p.X is { } a && p.Y is { } b && double.IsFinite(a) && double.IsFinite(b))
            .Select(p => (p.Row, X: p.X!.Value, Y: p.Y!.Value)).ToList();
        var xDeclaration = Declared(points.Select(p => p.Row), x);
        var yDeclaration = Declared(points.Select(p => p.Row), y);
        var figure = new FigureSpec().WithTitle(panel.Title).WithAxes(AxisTitle(x, xDeclaration), AxisTitle(y, yDeclaration));
        foreach (var group in points.GroupBy(p => ResultGrouping.KeyOf(p.Row, panel.Group)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            figure.AddTrace(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "markers",
                ["name"] = Label(group.Key),
                ["x"] = FigureSpec.Numbers(group.Select(p => p.X)),
                ["y"] = FigureSpec.Numbers(group.Select(p => p.Y)),
                ["text"] = Texts(group.Select(p => ResultGrouping.Describe(p.Row))),
                ["customdata"] = Texts(group.Select(p => ResultGrouping.RunLink(p.Row.RunId))),
                ["hovertemplate"] = "%{text}<br>%{x} · %{y}<extra></extra>",
                ["marker"] = new JsonObject { ["size"] = 9 },
            });
        }
        if (panel.Frontier && points.Count > 1 && xDeclaration is not null && yDeclaration is not null)
        {
            var frontier = ParetoFrontier.Indices(points.Select(p => (p.X, p.Y)).ToList(),
                xDeclaration.Direction == MetricDirection.LowerIsBetter, yDeclaration.Direction == MetricDirection.LowerIsBetter);
            figure.AddTrace(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines",
                ["name"] = "Pareto frontier",
                ["x"] = FigureSpec.Numbers(frontier.Select(i => points[i].X)),
                ["y"] = FigureSpec.Numbers(frontier.Select(i => points[i].Y)),
                ["line"] = new JsonObject { ["dash"] = "dot", ["shape"] = "hv" },
                ["hoverinfo"] = "skip",
            });
        }
        return figure;
    }

    /// <summary>
    /// Roofline: x = performance / traffic (operations per byte), y = performance; each device's ceiling is
    /// min(peak compute, probed bandwidth x intensity) from the limits it probed for that thread count.
    /// </summary>
    public static FigureSpec Roofline(PanelDefinition panel, IReadOnlyList<ResultRow> rows)
    {
        var traffic = panel.X ?? throw new ArgumentException("A roofline panel needs an x (traffic) metric.", nameof(panel));
        var performance = panel.Y ?? throw new ArgumentException("A roofline panel needs a y (performance) metric.", nameof(panel));
        var points = rows.Select(r => (Row: r, Traffic: traffic.ValueIn(r), Performance: performance.ValueIn(r)))
            .Where(p => p.Traffic > 0 && p.Performance > 0)
            .Select(p => (p.Row, Intensity: p.Performance!.Value / p.Traffic!.Value, Performance: p.Performance!.Value)).ToList();
        var performanceDeclaration = Declared(points.Select(p => p.Row), performance);
        var trafficDeclaration = Declared(points.Select(p => p.Row), traffic);
        var intensityUnit = performanceDeclaration is not null && trafficDeclaration is not null ? $"{performanceDeclaration.Unit} per {trafficDeclaration.Unit}" : "ratio";
        var figure = new FigureSpec().WithTitle(panel.Title)
            .WithAxes($"arithmetic intensity ({intensityUnit})", AxisTitle(performance, performanceDeclaration));
        ((JsonObject)figure.Layout["xaxis"]!)["type"] = "log";
        ((JsonObject)figure.Layout["yaxis"]!)["type"] = "log";

        foreach (var group in points.GroupBy(p => ResultGrouping.KeyOf(p.Row, panel.Group)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            figure.AddTrace(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "markers",
                ["name"] = Label(group.Key),
                ["x"] = FigureSpec.Numbers(group.Select(p => p.Intensity)),
                ["y"] = FigureSpec.Numbers(group.Select(p => p.Performance)),
                ["text"] = Texts(group.Select(p => ResultGrouping.Describe(p.Row))),
                ["customdata"] = Texts(group.Select(p => ResultGrouping.RunLink(p.Row.RunId))),
                ["hovertemplate"] = "%{text}<br>intensity %{x:.3g}, %{y:.3g}<extra></extra>",
                ["marker"] = new JsonObject { ["size"] = 9 },
            });
        }

        var minIntensity = points.Count == 0 ? 0.1 : points.Min(p => p.Intensity) / 4;
        var maxIntensity = points.Count == 0 ? 100 : points.Max(p => p.Intensity) * 4;
        foreach (var roof in points.Select(p => Ceiling(p.Row)).OfType<RoofCeiling>().Distinct().OrderBy(r => r.Label, StringComparer.Ordinal))
        {
            var xs = LogSpace(Math.Min(minIntensity, roof.Ridge / 4), Math.Max(maxIntensity, roof.Ridge * 4), 40);
            figure.AddTrace(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines",
                ["name"] = Label(roof.Label),
                ["x"] = FigureSpec.Numbers(xs),
                ["y"] = FigureSpec.Numbers(xs.Select(i => Math.Min(roof.PeakCompute ?? double.PositiveInfinity, roof.BandwidthGBps * i))),
                ["line"] = new JsonObject { ["dash"] = "dash", ["width"] = 1 },
                ["hovertemplate"] = Label(roof.Label) + "<extra></extra>",
            });
        }
        return figure;
    }

    /// <summary>One bar per latest result of each setup, coloured by group.</summary>
    public static FigureSpec Bar(PanelDefinition panel, IReadOnlyList<ResultRow> rows)
    {
        var metric = panel.Metric ?? throw new ArgumentException("A bar panel needs a metric.", nameof(panel));
        var latest = ResultGrouping.LatestPerSetup(rows).Where(r => metric.ValueIn(r) is { } v && double.IsFinite(v)).ToList();
        var declaration = Declared(latest, metric);
        var figure = new FigureSpec().WithTitle(panel.Title).WithAxes("", AxisTitle(metric, declaration));
        figure.Layout["barmode"] = "group";
        foreach (var group in latest.GroupBy(r => ResultGrouping.KeyOf(r, panel.Group)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            figure.AddTrace(new JsonObject
            {
                ["type"] = "bar",
                ["name"] = Label(group.Key),
                ["x"] = Texts(group.Select(r => $"{r.Workload} {r.Precision} ×{r.Threads}")),
                ["y"] = FigureSpec.Numbers(group.Select(r => metric.ValueIn(r)!.Value)),
                ["text"] = Texts(group.Select(ResultGrouping.Describe)),
                ["customdata"] = Texts(group.Select(r => ResultGrouping.RunLink(r.RunId))),
                ["hovertemplate"] = "%{text}<br>%{y}<extra></extra>",
            });
        }
        return figure;
    }

    public static MetricDeclaration? Declared(IEnumerable<ResultRow> rows, MetricReference metric)
    {
        foreach (var row in rows)
        {
            if (metric.Find(row) is { } summary && row.Declaration(summary.Metric) is { } declaration)
                return declaration;
        }
        return null;
    }

    /// <summary>The panel's label, else the metric actually found (not every alternative), with unit and direction.</summary>
    public static string AxisTitle(MetricReference metric, MetricDeclaration? declaration) => declaration is null
        ? metric.Title
        : $"{metric.Label ?? declaration.Name} ({declaration.Unit}, {(declaration.Direction == MetricDirection.LowerIsBetter ? "lower" : "higher")} is better)";

    /// <summary>
    /// Strings plotly shows (legend, hover, ticks), entity-encoded: plotly reads a few HTML tags in text, so a
    /// device named with markup must arrive as entities to be shown as the characters it is.
    /// </summary>
    public static JsonArray Texts(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(Label(v))!).ToArray());

    public static string Label(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static double[] LogSpace(double from, double to, int count) =>
        Enumerable.Range(0, count).Select(i => Math.Exp(Math.Log(from) + ((Math.Log(to) - Math.Log(from)) * i / (count - 1)))).ToArray();

    private static RoofCeiling? Ceiling(ResultRow row)
    {
        if (row.Limits is not { } limits)
            return null;
        var single = row.Threads <= 1;
        var bandwidth = single ? limits.ReadBandwidthGBps1Thread : limits.ReadBandwidthGBpsAllThreads;
        if (bandwidth is not > 0)
            return null;
        // Integer kernels (int8 and the q8/q4 block formats) meet the int8 peak; everything else the FP32 one.
        var integer = row.Precision.StartsWith("int", StringComparison.OrdinalIgnoreCase) || row.Precision.StartsWith('q');
        var peak = integer
            ? single ? limits.Int8Gops1Thread : limits.Int8GopsAllThreads
            : single ? limits.Fp32Gflops1Thread : limits.Fp32GflopsAllThreads;
        var label = $"{row.DeviceName} {(single ? "1 thread" : "all threads")} {(integer ? "int8" : "fp32")} roof";
        return new RoofCeiling(label, bandwidth.Value, peak);
    }

    private sealed record RoofCeiling(string Label, double BandwidthGBps, double? PeakCompute)
    {
        public double Ridge => PeakCompute is { } peak ? peak / BandwidthGBps : 1;
    }
}
