using System.CommandLine;
using Measure.Cli.Server;
using Measure.Contracts;
using Measure.Imports;
using Spectre.Console;

namespace Measure.Cli.Imports;

/// <summary>
/// <c>measure import FILE... [--out run.json | --out-dir DIR] [--server URL --token T]</c>: every file is converted
/// and validated before anything is written or uploaded, so a bad file leaves nothing partial behind.
/// </summary>
public static class ImportCommand
{
    public static Command Create(IAnsiConsole console, TimeProvider clock, TextWriter stdout)
    {
        var files = new Argument<string[]>("files") { Description = "BenchmarkDotNet full JSON, llama-bench JSON/JSONL or MLPerf LoadGen summary/detail logs", Arity = ArgumentArity.OneOrMore };
        var out_ = new Option<string?>("--out") { Description = "Write the run report to this file ('-' for stdout); one input file only" };
        var outDir = new Option<string?>("--out-dir") { Description = "Write each run report to DIR/<run id>.json" };
        var server = ServerOptions.Server("Upload the runs to this Measure server");
        var token = ServerOptions.Token();
        var command = new Command("import", "Turn other tools' benchmark results into Measure runs (stored, compared and gated like the agent's)")
        {
            files, out_, outDir, server, token,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(console, stdout, clock, parse.GetValue(files) ?? [], parse.GetValue(out_), parse.GetValue(outDir),
            parse.GetValue(server), parse.GetValue(token), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(IAnsiConsole console, TextWriter stdout, TimeProvider clock, string[] files, string? outFile, string? outDir,
        string? serverUrl, string? token, CancellationToken cancellationToken)
    {
        try
        {
            if (outFile is null && outDir is null && string.IsNullOrWhiteSpace(serverUrl))
                throw new ArgumentException("nothing to do: give --out FILE, --out-dir DIR or --server URL");
            if (outFile is not null && files.Length != 1)
                throw new ArgumentException($"--out takes one input file; got {files.Length} (use --out-dir for several)");

            // Convert everything first: one bad file must not leave half the others uploaded.
            var runs = files.Select(f => Importer.Import(f, clock.GetUtcNow())).ToList();

            if (outFile == "-")
                await stdout.WriteLineAsync(MeasureJson.Serialize(runs[0], indented: true));
            else if (outFile is not null)
                await File.WriteAllTextAsync(outFile, MeasureJson.Serialize(runs[0], indented: true), cancellationToken);
            if (outDir is not null)
            {
                Directory.CreateDirectory(outDir);
                foreach (var run in runs)
                    await File.WriteAllTextAsync(Path.Combine(outDir, $"{run.RunId}.json"), MeasureJson.Serialize(run, indented: true), cancellationToken);
            }
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var client = ServerOptions.Connect(http, serverUrl, token);
            var urls = new Dictionary<Guid, string>();
            if (client is not null)
            {
                foreach (var run in runs)
                    urls[run.RunId] = (await client.UploadAsync(run, cancellationToken)).Url;
            }
            for (var i = 0; i < runs.Count; i++)
            {
                var run = runs[i];
                var samples = run.Workloads.Sum(w => w.Samples.Sum(s => s.Values.Count));
                var where = urls.TryGetValue(run.RunId, out var url) ? $" -> {url}" : "";
                console.MarkupLine(Markup.Escape($"{files[i]}: {run.Suite.Id}, run {run.RunId}, {run.Workloads.Count} workloads, {samples} samples{where}"));
            }
            return ExitCodes.Pass;
        }
        catch (Exception ex) when (ex is ImportException or ServerException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            console.MarkupLine($"[red]measure import:[/] {Markup.Escape(ex.Message)}");
            return ExitCodes.BadInput;
        }
    }
}
