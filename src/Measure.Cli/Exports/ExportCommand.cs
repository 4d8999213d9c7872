using System.CommandLine;
using Measure.Cli.Gate;
using Measure.Cli.Reports;
using Measure.Cli.Server;
using Measure.Contracts;
using Spectre.Console;

namespace Measure.Cli.Exports;

/// <summary>
/// <c>measure export [REPORT...] | --server URL [--suite ID --device NAME --label KEY:VALUE --limit N]
/// --format csv|json --granularity sample|aggregate --out FILE|-</c>.
/// </summary>
public static class ExportCommand
{
    public const int DefaultRunLimit = 50;

    public static Command Create(IAnsiConsole console, TimeProvider clock, TextWriter stdout)
    {
        var files = new Argument<string[]>("reports") { Description = "Run report files or folders (offline); omit with --server", Arity = ArgumentArity.ZeroOrMore };
        var server = ServerOptions.Server("Export runs stored on this Measure server");
        var token = ServerOptions.Token();
        var suite = new Option<string?>("--suite") { Description = "Only runs of this suite id (with --server)" };
        var device = new Option<string?>("--device") { Description = "Only runs of this device name (with --server)" };
        var labels = new Option<string[]>("--label") { Description = "Only runs with label KEY:VALUE (repeatable, all must match; with --server)" };
        var limit = new Option<int>("--limit") { Description = $"Newest runs to export from the server (default {DefaultRunLimit})", DefaultValueFactory = _ => DefaultRunLimit };
        var format = new Option<string>("--format") { Description = "csv or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var granularity = new Option<string>("--granularity") { Description = "sample (one row per sample) or aggregate (one row per metric)", DefaultValueFactory = _ => "sample" };
        granularity.AcceptOnlyFromAmong("sample", "aggregate");
        var output = new Option<string>("--out") { Description = "Output file, or '-' for stdout", Required = true };
        var command = new Command("export", "Write runs as CSV or JSON, one row per sample or per aggregate")
        {
            files, server, token, suite, device, labels, limit, format, granularity, output,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(console, stdout, clock, new ExportArguments(
            parse.GetValue(files) ?? [], parse.GetValue(server), parse.GetValue(token), parse.GetValue(suite), parse.GetValue(device),
            parse.GetValue(labels) ?? [], parse.GetValue(limit), parse.GetValue(format)!, parse.GetValue(granularity)!, parse.GetValue(output)!), cancellationToken));
        return command;
    }

    private sealed record ExportArguments(string[] Files, string? Server, string? Token, string? Suite, string? Device, string[] Labels, int Limit,
        string Format, string Granularity, string Out);

    private static async Task<int> ExecuteAsync(IAnsiConsole console, TextWriter stdout, TimeProvider clock, ExportArguments args, CancellationToken cancellationToken)
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var client = ServerOptions.Connect(http, args.Server, args.Token);
            if ((client is null) == (args.Files.Length == 0))
                throw new ArgumentException("give report files or --server URL (one of the two)");
            if (args.Limit < 1)
                throw new ArgumentException($"--limit must be at least 1; got {args.Limit}");
            var runs = client is null
                ? args.Files.SelectMany(new RunResolver(clock, null).ReadFiles).ToList()
                : await FetchAsync(client, new RunFilter(args.Suite, args.Device, ParseLabels(args.Labels)), args.Limit, cancellationToken);
            var table = ExportTable.From(runs, args.Granularity == "aggregate" ? ExportGranularity.Aggregate : ExportGranularity.Sample);

            if (args.Out == "-")
            {
                if (args.Format == "csv")
                {
                    ExportWriter.WriteCsv(table, stdout);
                }
                else
                {
                    using var buffer = new MemoryStream();
                    ExportWriter.WriteJson(table, buffer);
                    await stdout.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }
            }
            else
            {
                await using var file = File.Create(args.Out);
                if (args.Format == "csv")
                {
                    await using var writer = new StreamWriter(file);
                    ExportWriter.WriteCsv(table, writer);
                }
                else
                {
                    ExportWriter.WriteJson(table, file);
                }
                console.MarkupLine(Markup.Escape($"{runs.Count} runs, {table.Rows.Count} rows -> {args.Out}"));
            }
            return ExitCodes.Pass;
        }
        catch (Exception ex) when (ex is ReportFileException or ServerException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            console.MarkupLine($"[red]measure export:[/] {Markup.Escape(ex.Message)}");
            return ExitCodes.BadInput;
        }
    }

    private static Dictionary<string, string>? ParseLabels(string[] labels)
    {
        if (labels.Length == 0)
            return null;
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            var colon = label.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == label.Length - 1 || !parsed.TryAdd(label[..colon], label[(colon + 1)..]))
                throw new ArgumentException($"--label: '{label}' is not KEY:VALUE (or repeats a key)");
        }
        return parsed;
    }

    private static async Task<List<RunReport>> FetchAsync(MeasureServerClient client, RunFilter filter, int limit, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await client.ListRunsAsync(filter, Math.Min(MeasureServerClient.MaxPageSize, limit - ids.Count), cursor, cancellationToken);
            ids.AddRange(page.Items.Select(r => r.RunId));
            cursor = page.NextCursor;
        }
        while (cursor is not null && ids.Count < limit);
        var runs = new List<RunReport>();
        foreach (var id in ids.Take(limit))
            runs.Add(await client.GetRunAsync(id, cancellationToken));
        return runs;
    }
}
