using System.Globalization;
using Measure.Statistics.Comparison;
using Spectre.Console;

namespace Measure.Cli.Gate;

/// <summary>The gate's verdict as a terminal table, one row per comparison, with the method named.</summary>
public static class GateTable
{
    public static void Write(IAnsiConsole console, GateReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Workload", "Metric", "Baseline", "Candidate", "Change [CI]", "p", "Verdict");
        foreach (var c in report.Comparisons)
        {
            var interval = c.Result.RelativeChangeInterval is { } ci
                ? string.Create(CultureInfo.InvariantCulture, $" [{ci.Lower:+0.0%;-0.0%;0%}, {ci.Upper:+0.0%;-0.0%;0%}]")
                : "";
            table.AddRow(
                Markup.Escape($"{c.Workload} {c.Precision} x{c.Threads}"),
                Markup.Escape($"{c.Metric} ({c.Unit})"),
                Number(c.BaselineMedian) + $" (n={c.BaselineSamples})",
                Number(c.CandidateMedian) + $" (n={c.CandidateSamples})",
                Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{c.Result.RelativeChange:+0.0%;-0.0%;0%}{interval}")),
                c.Result.PValue is { } p ? p.ToString("G3", CultureInfo.InvariantCulture) : "-",
                Verdict(c.Result));
        }
        console.Write(table);
        foreach (var c in report.Comparisons.Where(c => c.Result.Verdict is not Statistics.Comparison.Verdict.NoChange))
            console.MarkupLine($"[grey]{Markup.Escape($"{c.Workload} {c.Precision} x{c.Threads} {c.Metric}: {c.Result.Explain()}")}[/]");
        foreach (var line in report.Unmatched)
            console.MarkupLine($"[yellow]not compared:[/] {Markup.Escape(line)}");
        if (report.Comparisons.Count > 0)
            console.MarkupLine($"[grey]method: {Markup.Escape(report.Comparisons[0].Result.Method)}[/]");
    }

    private static string Verdict(ComparisonResult result) => result.Verdict switch
    {
        Statistics.Comparison.Verdict.Regression => "[red bold]regression[/]",
        Statistics.Comparison.Verdict.Improvement => "[green]improvement[/]",
        Statistics.Comparison.Verdict.Inconclusive => $"[yellow]inconclusive[/]{(result.AdditionalSamplesPerSide is { } n ? $" (+{n}/side)" : "")}",
        _ => "no change",
    };

    private static string Number(double value) => value.ToString(Math.Abs(value) >= 100 ? "0.0" : "0.000", CultureInfo.InvariantCulture);
}
