using System.Globalization;
using System.Text;

namespace Measure.Statistics.Evaluation;

/// <summary>Markdown tables (they paste into the README as they are) and the verdict on the two targets.</summary>
internal static class ReportWriter
{
    public static string Write(IReadOnlyList<CellResult> cells, EvaluationSettings settings, TimeSpan elapsed)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"# Gate evaluation: {settings.Trials} trials per cell, seed {settings.Seed}, {settings.HistoryRuns} earlier runs of history");
        text.AppendLine("Rates of 'regression' verdicts for a latency metric. Shift 0% = false-positive rate; other columns = detection power.");
        var rules = DecisionRule.All;
        foreach (var scenario in cells.Select(c => c.Scenario).Distinct())
        {
            text.AppendLine();
            text.AppendLine(culture, $"## {scenario.Name}");
            text.Append("| n | rule |");
            foreach (var shift in settings.Shifts)
            {
                text.Append(culture, $" {(shift == 0 ? "FPR (0%)" : $"+{shift:0%}")} |");
            }

            text.AppendLine(" baseline flagged multimodal |");
            text.AppendLine("|---|---|" + string.Concat(Enumerable.Repeat("---:|", settings.Shifts.Count)) + "---:|");
            foreach (var cell in cells.Where(c => c.Scenario == scenario))
            {
                for (var r = 0; r < rules.Count; r++)
                {
                    text.Append(culture, $"| {cell.SampleSize} | {rules[r].Name} |");
                    foreach (var rate in cell.FlagRates[r])
                    {
                        text.Append(culture, $" {rate * 100:0.0}% |");
                    }

                    text.AppendLine(r == 0 ? string.Create(culture, $" {cell.MultimodalFlagRate * 100:0.0}% |") : " |");
                }
            }
        }

        text.AppendLine();
        text.AppendLine("## Targets");
        var shiftFive = IndexOf(settings.Shifts, 0.05);
        foreach (var (rule, r) in rules.Select((rule, r) => (rule, r)))
        {
            var worst = cells.MaxBy(c => c.FlagRates[r][0])!;
            var power = cells.FirstOrDefault(c => c.SampleSize == 30 && c.Scenario == cells[0].Scenario);
            text.AppendLine(culture,
                $"- {rule.Name}: worst FPR {worst.FlagRates[r][0] * 100:0.0}% ({worst.Scenario.Name}, n = {worst.SampleSize}); " +
                $"power at +5%, n = 30, {cells[0].Scenario.Name}: {(power is null || shiftFive < 0 ? "n/a" : $"{power.FlagRates[r][shiftFive] * 100:0.0}%")}");
        }

        var gateWorst = cells.Max(c => c.FlagRates[0][0]);
        var gatePower = cells.First(c => c.SampleSize == 30 && c.Scenario == cells[0].Scenario).FlagRates[0][shiftFive];
        text.AppendLine(culture, $"- target FPR <= 1% everywhere (gate with history): {(gateWorst <= 0.01 ? "MET" : "NOT MET")}");
        text.AppendLine(culture, $"- target power >= 95% at +5%, n = 30, log-normal 3% (gate with history): {(gatePower >= 0.95 ? "MET" : "NOT MET")}");
        text.AppendLine(culture, $"Elapsed: {elapsed.TotalSeconds:0.0} s");
        return text.ToString();
    }

    private static int IndexOf(IReadOnlyList<double> values, double value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (Math.Abs(values[i] - value) < 1e-12)
            {
                return i;
            }
        }

        return -1;
    }
}
