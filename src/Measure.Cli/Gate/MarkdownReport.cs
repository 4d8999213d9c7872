using System.Text;
using Measure.Statistics.Comparison;

namespace Measure.Cli.Gate;

/// <summary>The verdict as GitHub-flavoured Markdown, for <c>$GITHUB_STEP_SUMMARY</c> and PR comments.</summary>
public static class MarkdownReport
{
    public static string Write(GateReport report, bool strict)
    {
        var exit = report.ExitCode(strict);
        var text = new StringBuilder();
        var icon = exit switch { ExitCodes.Regression => ":x:", ExitCodes.Inconclusive => ":warning:", _ => ":white_check_mark:" };
        text.AppendLine($"## {icon} Measure gate: {GateFormat.Outcome(exit)}");
        text.AppendLine();
        var counts = report.Comparisons.GroupBy(c => c.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Count()} {GateFormat.VerdictName(g.Key)}");
        text.AppendLine($"{report.Comparisons.Count} comparisons: {string.Join(", ", counts)}.");
        text.AppendLine();
        text.AppendLine("| Device | Workload | Metric | Baseline | Candidate | Change [95% CI] | p | Verdict |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---|");
        foreach (var c in report.Comparisons.OrderBy(c => Rank(c.Verdict)))
        {
            text.AppendLine(string.Join(" | ",
            [
                "", Cell(c.Device), Cell(c.Subject), Cell($"{c.Metric} ({c.Unit})"),
                $"{GateFormat.Number(c.BaselineMedian)} (n={c.BaselineSamples})",
                $"{GateFormat.Number(c.CandidateMedian)} (n={c.CandidateSamples})",
                Cell(GateFormat.Change(c.Result)), GateFormat.PValue(c.Result), Bold(c.Result), "",
            ]).Trim());
        }
        var explained = report.Comparisons.Where(c => c.Verdict is not Verdict.NoChange).ToList();
        if (explained.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("<details><summary>Why</summary>");
            text.AppendLine();
            foreach (var c in explained)
                text.AppendLine($"- **{Cell(c.Subject)} {Cell(c.Metric)}** ({Cell(c.Device)}): {Cell(c.Result.Explain())}");
            text.AppendLine();
            text.AppendLine("</details>");
        }
        if (report.Unmatched.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Not compared:");
            foreach (var line in report.Unmatched)
                text.AppendLine($"- {Cell(line)}");
        }
        return text.ToString();
    }

    private static int Rank(Verdict verdict) => verdict switch
    {
        Verdict.Regression => 0,
        Verdict.Inconclusive => 1,
        Verdict.Improvement => 2,
        _ => 3,
    };

    private static string Bold(ComparisonResult result) =>
        result.Verdict is Verdict.Regression ? $"**{GateFormat.VerdictText(result)}**" : GateFormat.VerdictText(result);

    // A pipe would end the cell early; a newline would end the row.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
