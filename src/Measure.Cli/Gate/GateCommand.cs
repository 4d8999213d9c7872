using System.CommandLine;
using Measure.Cli.Reports;
using Spectre.Console;

namespace Measure.Cli.Gate;

/// <summary><c>measure gate --baseline A.json --candidate B.json</c>: exit 0 pass, 1 regression, 2 bad input.</summary>
public static class GateCommand
{
    public static Command Create(IAnsiConsole console, TimeProvider clock)
    {
        var baseline = new Option<FileInfo>("--baseline") { Description = "Baseline run report (JSON file)", Required = true };
        var candidate = new Option<FileInfo>("--candidate") { Description = "Candidate run report (JSON file)", Required = true };
        var threshold = new Option<double>("--threshold")
        {
            Description = "Smallest relative change that counts as a regression (default 0.05 = 5%)",
            DefaultValueFactory = _ => 0.05,
        };
        var strict = new Option<bool>("--strict") { Description = "Exit 3 when any comparison is inconclusive" };
        var command = new Command("gate", "Compare a candidate run against a baseline and fail on a regression")
        {
            baseline, candidate, threshold, strict,
        };
        command.SetAction(parse => Execute(console, clock, parse.GetValue(baseline)!, parse.GetValue(candidate)!, parse.GetValue(threshold), parse.GetValue(strict)));
        return command;
    }

    private static int Execute(IAnsiConsole console, TimeProvider clock, FileInfo baselineFile, FileInfo candidateFile, double threshold, bool strict)
    {
        if (!double.IsFinite(threshold) || threshold <= 0 || threshold >= 1)
            return Fail(console, $"--threshold must be between 0 and 1 (exclusive); got {threshold}");
        GateReport report;
        try
        {
            var baseline = ReportFile.Read(baselineFile.FullName, clock);
            var candidate = ReportFile.Read(candidateFile.FullName, clock);
            report = ReportComparer.Compare(baseline, candidate, threshold);
        }
        catch (ReportFileException ex)
        {
            return Fail(console, ex.Message);
        }
        if (report.Comparisons.Count == 0)
        {
            foreach (var line in report.Unmatched)
                console.MarkupLine($"[yellow]not compared:[/] {Markup.Escape(line)}");
            return Fail(console, "nothing to compare: no workload of the candidate has a comparable baseline (same workload, parameters, precision, threads, device model and suite version)");
        }
        GateTable.Write(console, report);
        var exit = report.ExitCode(strict);
        console.MarkupLine(exit switch
        {
            ExitCodes.Regression => "[red bold]gate: FAIL (regression)[/]",
            ExitCodes.Inconclusive => "[yellow bold]gate: INCONCLUSIVE (--strict)[/]",
            _ => "[green bold]gate: PASS[/]",
        });
        return exit;
    }

    private static int Fail(IAnsiConsole console, string message)
    {
        console.MarkupLine($"[red]measure gate:[/] {Markup.Escape(message)}");
        return ExitCodes.BadInput;
    }
}
