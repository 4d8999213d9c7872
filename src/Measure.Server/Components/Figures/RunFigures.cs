using System.Text.Json.Nodes;
using Measure.Contracts;

namespace Measure.Server.Components.Figures;

/// <summary>Figures of one run's raw data: ECDF, per-token timeline, and sensor traces on one time axis.</summary>
public static class RunFigures
{
    private static readonly Dictionary<string, string> PhaseColors = new(StringComparer.Ordinal)
    {
        ["idle"] = "rgba(128,128,128,0.14)",
        ["warmup"] = "rgba(255,167,38,0.18)",
        ["timed"] = "rgba(66,133,244,0.14)",
        ["prefill"] = "rgba(171,71,188,0.20)",
        ["decode"] = "rgba(38,166,154,0.20)",
        ["cooldown"] = "rgba(120,144,156,0.16)",
    };

    /// <summary>Empirical CDF: every sample at its rank, so tails and modes read directly off the curve.</summary>
    public static FigureSpec Ecdf(string name, SampleSeries series, MetricDeclaration metric)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(metric);
        var sorted = series.Values.Order().ToArray();
        return new FigureSpec()
            .WithTitle($"{name}: {metric.Name} ECDF")
            .WithAxes($"{metric.Name} ({metric.Unit})", "fraction of iterations ≤ x")
            .AddTrace(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines",
                ["name"] = PanelFigures.Label(name),
                ["x"] = FigureSpec.Numbers(sorted),
                ["y"] = FigureSpec.Numbers(sorted.Select((_, i) => (i + 1) / (double)sorted.Length)),
                ["line"] = new JsonObject { ["shape"] = "hv" },
                ["hovertemplate"] = "%{x}: %{y:.1%}<extra></extra>",
            });
    }

    /// <summary>Each sample in the order measured (per token for token latency), so drift and spikes show.</summary>
    public static FigureSpec Timeline(string name, SampleSeries series, MetricDeclaration metric)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(metric);
        return new FigureSpec()
            .WithTitle($"{name}: {metric.Name} in measurement order")
            .WithAxes("sample (token or iteration) index", $"{metric.Name} ({metric.Unit})")
            .AddTrace(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines+markers",
                ["name"] = PanelFigures.Label(name),
                ["y"] = FigureSpec.Numbers(series.Values),
                ["marker"] = new JsonObject { ["size"] = 3 },
                ["hovertemplate"] = "#%{x}: %{y}<extra></extra>",
            });
    }

    /// <summary>
    /// Every sensor trace on one shared time axis, one stacked y axis per kind (power, thermal, clock, ...)
    /// because units differ; phases shaded behind all of them and throttling onsets drawn as red lines.
    /// </summary>
    public static FigureSpec Sensors(IReadOnlyList<SensorTrace> traces, IReadOnlyList<PhaseMark> phases, IReadOnlyList<double> throttleOnsets)
    {
        ArgumentNullException.ThrowIfNull(traces);
        ArgumentNullException.ThrowIfNull(phases);
        ArgumentNullException.ThrowIfNull(throttleOnsets);
        var kinds = traces.Select(t => (t.Kind, t.Unit)).Distinct().ToList();
        var figure = new FigureSpec().WithTitle("Sensors over the run");
        figure.Layout["height"] = Math.Max(320, 200 * kinds.Count);
        figure.Layout["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "seconds since run start" }, ["anchor"] = kinds.Count > 0 ? Axis("y", kinds.Count - 1) : "y" };
        var gap = 0.04;
        var band = (1.0 - (gap * Math.Max(0, kinds.Count - 1))) / Math.Max(1, kinds.Count);
        for (var k = 0; k < kinds.Count; k++)
        {
            var top = 1 - (k * (band + gap));
            figure.Layout[Axis("yaxis", k)] = new JsonObject
            {
                ["title"] = new JsonObject { ["text"] = $"{kinds[k].Kind} ({kinds[k].Unit})" },
                ["domain"] = new JsonArray(Math.Max(0, top - band), top),
            };
        }
        foreach (var trace in traces)
        {
            var k = kinds.IndexOf((trace.Kind, trace.Unit));
            figure.AddTrace(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines",
                ["name"] = PanelFigures.Label(trace.Sensor),
                ["x"] = FigureSpec.Numbers(trace.TimesSeconds),
                ["y"] = FigureSpec.Numbers(trace.Values),
                ["yaxis"] = Axis("y", k),
                ["hovertemplate"] = $"%{{x:.2f}} s: %{{y}} {System.Net.WebUtility.HtmlEncode(trace.Unit)}<extra>{System.Net.WebUtility.HtmlEncode(trace.Sensor)} ({System.Net.WebUtility.HtmlEncode(trace.Source)})</extra>",
            });
        }
        var shapes = new JsonArray();
        var annotations = new JsonArray();
        foreach (var phase in phases)
        {
            shapes.Add(new JsonObject
            {
                ["type"] = "rect",
                ["xref"] = "x",
                ["yref"] = "paper",
                ["x0"] = phase.StartSeconds,
                ["x1"] = phase.EndSeconds,
                ["y0"] = 0,
                ["y1"] = 1,
                ["fillcolor"] = PhaseColors.GetValueOrDefault(phase.Name, "rgba(128,128,128,0.10)"),
                ["line"] = new JsonObject { ["width"] = 0 },
                ["layer"] = "below",
            });
            annotations.Add(new JsonObject
            {
                ["x"] = (phase.StartSeconds + phase.EndSeconds) / 2,
                ["y"] = 1,
                ["xref"] = "x",
                ["yref"] = "paper",
                ["yanchor"] = "bottom",
                ["showarrow"] = false,
                ["font"] = new JsonObject { ["size"] = 10 },
                ["text"] = System.Net.WebUtility.HtmlEncode(phase.Name),
            });
        }
        foreach (var onset in throttleOnsets)
        {
            shapes.Add(new JsonObject
            {
                ["type"] = "line",
                ["xref"] = "x",
                ["yref"] = "paper",
                ["x0"] = onset,
                ["x1"] = onset,
                ["y0"] = 0,
                ["y1"] = 1,
                ["line"] = new JsonObject { ["color"] = TrendFigures.RegressionColor, ["width"] = 2 },
            });
            annotations.Add(new JsonObject
            {
                ["x"] = onset,
                ["y"] = 0,
                ["xref"] = "x",
                ["yref"] = "paper",
                ["showarrow"] = false,
                ["yanchor"] = "bottom",
                ["font"] = new JsonObject { ["color"] = TrendFigures.RegressionColor },
                ["text"] = "throttled",
            });
        }
        figure.Layout["shapes"] = shapes;
        figure.Layout["annotations"] = annotations;
        return figure;
    }

    private static string Axis(string prefix, int index) => index == 0 ? prefix : prefix + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
