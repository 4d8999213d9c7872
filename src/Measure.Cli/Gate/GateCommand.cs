using System.CommandLine;
using Measure.Cli.Reports;
using Measure.Cli.Server;
using Measure.Contracts;
using Spectre.Console;

namespace Measure.Cli.Gate;

/// <summary>
/// <c>measure gate --baseline REF --candidate REF</c>: exit 0 pass, 1 regression, 2 bad input or error,
/// 3 inconclusive with --strict. REFs are report files, folders of reports, run ids or server queries.
/// </summary>
public static class GateCommand
{
    public const int DefaultHistoryRuns = 20;

    public static Command Create(IAnsiConsole console, TimeProvider clock, TextWriter stdout)
    {
        var baseline = new Option<string[]>("--baseline") { Description = "Baseline REF: report file, folder of reports, run id, latest:branch=main,device=rpi5 or latest-per-device:branch=main (repeatable)", Required = true };
        var candidate = new Option<string[]>("--candidate") { Description = "Candidate REF, same forms as --baseline (repeatable)", Required = true };
        var server = ServerOptions.Server("Measure server URL for run ids, queries and noise history");
        var token = ServerOptions.Token();
        var threshold = new Option<string[]>("--threshold")
        {
            Description = "Practical threshold: 0.02 (default for all metrics), METRIC=5% or METRIC=abs:0.01 (repeatable)",
        };
        var strict = new Option<bool>("--strict") { Description = "Exit 3 when any comparison is inconclusive" };
        var markdown = new Option<FileInfo?>("--markdown") { Description = "Also write the verdict as Markdown (e.g. $GITHUB_STEP_SUMMARY)" };
        var junit = new Option<FileInfo?>("--junit") { Description = "Also write JUnit XML, one test case per comparison" };
        var json = new Option<string?>("--json") { Description = "Also write the verdict as JSON to FILE, or '-' for stdout instead of the table" };
        var history = new Option<string[]>("--history") { Description = "Folder or file of earlier baseline reports: learns each device's run-to-run noise (repeatable)" };
        var historyRuns = new Option<int>("--history-runs")
        {
            Description = $"With --server: earlier runs per device fetched to learn noise (0 = none; default {DefaultHistoryRuns})",
            DefaultValueFactory = _ => DefaultHistoryRuns,
        };
        var command = new Command("gate", "Compare candidate runs against baselines and fail on a regression")
        {
            baseline, candidate, server, token, threshold, strict, markdown, junit, json, history, historyRuns,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(console, stdout, clock, new GateArguments(
            parse.GetValue(baseline) ?? [], parse.GetValue(candidate) ?? [], parse.GetValue(server),
            parse.GetValue(token),
            parse.GetValue(threshold) ?? [], parse.GetValue(strict), parse.GetValue(markdown), parse.GetValue(junit), parse.GetValue(json),
            parse.GetValue(history) ?? [], parse.GetValue(historyRuns)), cancellationToken));
        return command;
    }

    private sealed record GateArguments(
        string[] Baselines, string[] Candidates, string? Server, string? Token, string[] Thresholds, bool Strict,
        FileInfo? Markdown, FileInfo? JUnit, string? Json, string[] History, int HistoryRuns);

    private static async Task<int> ExecuteAsync(IAnsiConsole console, TextWriter stdout, TimeProvider clock, GateArguments args, CancellationToken cancellationToken)
    {
        GateReport report;
        try
        {
            if (args.HistoryRuns < 0)
                throw new ArgumentException($"--history-runs must be >= 0; got {args.HistoryRuns}");
            var policy = GatePolicy.Parse(args.Thresholds);
            var baselineRefs = args.Baselines.Select(RunReference.Parse).ToList();
            var candidateRefs = args.Candidates.Select(RunReference.Parse).ToList();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var client = ServerOptions.Connect(http, args.Server, args.Token);
            var resolver = new RunResolver(clock, client);
            var baselines = await ResolveAllAsync(resolver, baselineRefs, cancellationToken);
            var candidates = await ResolveAllAsync(resolver, candidateRefs, cancellationToken);

            var compared = baselines.Concat(candidates).Select(r => r.RunId).ToHashSet();
            var earlier = args.History.SelectMany(resolver.ReadFiles).ToList();
            if (client is not null && args.HistoryRuns > 0)
            {
                var labels = baselineRefs.Select(r => r.Filter?.Labels).FirstOrDefault(l => l is not null);
                earlier.AddRange(await ServerHistory.FetchAsync(client, baselines, labels, args.HistoryRuns, compared, cancellationToken));
            }
            report = ReportComparer.Compare(baselines, candidates, policy, new HistoryIndex(earlier, compared));
        }
        catch (Exception ex) when (ex is ReportFileException or ServerException or ArgumentException)
        {
            return Fail(console, ex.Message);
        }

        if (report.Comparisons.Count == 0)
        {
            foreach (var line in report.Unmatched)
                console.MarkupLine($"[yellow]not compared:[/] {Markup.Escape(line)}");
            return Fail(console, "nothing to compare: no workload of the candidate has a comparable baseline (same workload, parameters, precision, ISA, threads, device model and suite version)");
        }

        var exit = report.ExitCode(args.Strict);
        try
        {
            if (args.Markdown is { } md)
                await File.WriteAllTextAsync(md.FullName, MarkdownReport.Write(report, args.Strict), cancellationToken);
            if (args.JUnit is { } junit)
            {
                await using var stream = File.Create(junit.FullName);
                await JUnitReport.Write(report, args.Strict).SaveAsync(stream, System.Xml.Linq.SaveOptions.None, cancellationToken);
            }
            if (args.Json == "-")
                await stdout.WriteAsync(GateJson.Write(report, args.Strict));
            else if (args.Json is { } jsonPath)
                await File.WriteAllTextAsync(jsonPath, GateJson.Write(report, args.Strict), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(console, $"cannot write an output: {ex.Message}");
        }

        if (args.Json != "-")
            GateTable.Write(console, report);
        console.MarkupLine(exit switch
        {
            ExitCodes.Regression => $"[red bold]gate: {GateFormat.Outcome(exit)}[/]",
            ExitCodes.Inconclusive => $"[yellow bold]gate: {Markup.Escape(GateFormat.Outcome(exit))}[/]",
            _ => $"[green bold]gate: {GateFormat.Outcome(exit)}[/]",
        });
        return exit;
    }

    private static async Task<List<RunReport>> ResolveAllAsync(RunResolver resolver, IEnumerable<RunReference> references, CancellationToken cancellationToken)
    {
        var runs = new List<RunReport>();
        foreach (var reference in references)
            runs.AddRange(await resolver.ResolveAsync(reference, cancellationToken));
        return runs;
    }

    private static int Fail(IAnsiConsole console, string message)
    {
        console.MarkupLine($"[red]measure gate:[/] {Markup.Escape(message)}");
        return ExitCodes.BadInput;
    }
}
