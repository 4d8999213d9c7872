using Measure.Statistics.Comparison;
using Spectre.Console;

namespace Measure.Cli.Gate;

/// <summary>The gate's verdict as a terminal table, one row per comparison, with the method named.</summary>
public static class GateTable
{
    public static void Write(IAnsiConsole console, GateReport report)
    {
        var devices = report.Comparisons.Select(c => c.Device).Distinct(StringComparer.Ordinal).Count();
        var table = new Table().Border(TableBorder.Rounded);
        if (devices > 1)
            table.AddColumn("Device");
        table.AddColumns("Workload", "Metric", "Baseline", "Candidate", "Change [[95% CI]]", "p", "Verdict");
        foreach (var c in report.Comparisons)
        {
            var cells = new List<string>();
            if (devices > 1)
                cells.Add(Markup.Escape(c.Device));
            cells.AddRange(
            [
                Markup.Escape(c.Subject),
                Markup.Escape($"{c.Metric} ({c.Unit})"),
                $"{GateFormat.Number(c.BaselineMedian)} (n={c.BaselineSamples})",
                $"{GateFormat.Number(c.CandidateMedian)} (n={c.CandidateSamples})",
                Markup.Escape(GateFormat.Change(c.Result)),
                GateFormat.PValue(c.Result),
                Styled(c.Result),
            ]);
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
        foreach (var c in report.Comparisons.Where(c => c.Verdict is not Verdict.NoChange || c.Result.Flags != ComparisonFlags.None))
            console.MarkupLine($"[grey]{Markup.Escape($"{c.Subject} {c.Metric}: {c.Result.Explain()}")}[/]");
        foreach (var line in report.Unmatched)
            console.MarkupLine($"[yellow]not compared:[/] {Markup.Escape(line)}");
    }

    private static string Styled(ComparisonResult result) => result.Verdict switch
    {
        Verdict.Regression => "[red bold]regression[/]",
        Verdict.Improvement => "[green]improvement[/]",
        Verdict.Inconclusive => $"[yellow]{Markup.Escape(GateFormat.VerdictText(result))}[/]",
        _ => "no change",
    };
}
