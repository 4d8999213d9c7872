using System.CommandLine;
using Measure.Agent.Device;
using Measure.Agent.Running;
using Measure.Agent.Suites;
using Measure.Agent.Upload;
using Measure.Contracts;
using Measure.Sensors.IO;

namespace Measure.Agent.Commands;

/// <summary><c>measure-agent run SUITE [--out FILE] [--server URL --token T]</c></summary>
public static class RunCommand
{
    public static Command Create()
    {
        var suite = new Argument<FileInfo>("suite") { Description = "Suite file, e.g. suites/quick.yaml" };
        var output = new Option<FileInfo?>("--out") { Description = "Write the run report (JSON) to this file" };
        var server = new Option<string?>("--server") { Description = "Upload the report to this Measure server" };
        var token = new Option<string?>("--token") { Description = "Bearer token for --server (default: $MEASURE_TOKEN)" };
        var tokenFile = new Option<FileInfo?>("--token-file") { Description = "File holding the bearer token for --server" };
        var labels = new Option<string[]>("--label") { Description = "key=value label stored with the run (repeatable), e.g. branch=main", AllowMultipleArgumentsPerToken = false };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress output" };

        var command = new Command("run", "Run a suite on this device and write or upload its report") { suite, output, server, token, tokenFile, labels, quiet };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            parse.GetValue(suite)!, parse.GetValue(output), parse.GetValue(server),
            parse.GetValue(token) ?? Environment.GetEnvironmentVariable("MEASURE_TOKEN"), parse.GetValue(tokenFile),
            parse.GetValue(labels) ?? [], parse.GetValue(quiet), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(FileInfo suiteFile, FileInfo? output, string? serverArg, string? token, FileInfo? tokenFile,
        string[] labelArgs, bool quiet, CancellationToken cancellationToken)
    {
        Uri? server = null;
        if (serverArg is not null && !ServerAddress.TryParse(serverArg, out server))
            return Fail(ExitCodes.BadInput, $"--server '{serverArg}' is not an http(s) URL");
        if (output is null && server is null)
            return Fail(ExitCodes.BadInput, "nothing to do: give --out FILE, --server URL, or both");
        if (server is not null)
        {
            token = tokenFile is not null ? ReadToken(tokenFile) : token;
            if (string.IsNullOrWhiteSpace(token))
                return Fail(ExitCodes.BadInput, "--server needs a token: --token, --token-file or $MEASURE_TOKEN");
        }
        if (!TryParseLabels(labelArgs, out var labels, out var labelError))
            return Fail(ExitCodes.BadInput, labelError);

        SuiteDefinition suite;
        try
        {
            suite = SuiteParser.Load(suiteFile.FullName);
            WorkloadFactory.Validate(suite);
        }
        catch (SuiteFormatException ex)
        {
            return Fail(ExitCodes.BadInput, ex.Message);
        }

        var device = FingerprintReader.Read(SysRoot.Host);
        var report = new SuiteRunner(TimeProvider.System).Run(suite, device, labels,
            quiet ? null : message => Console.Error.WriteLine($"measure-agent: {message}"), cancellationToken);

        if (output is not null)
        {
            await WriteAtomicallyAsync(output.FullName, MeasureJson.Serialize(report, indented: true), cancellationToken);
            if (!quiet)
                Console.Error.WriteLine($"measure-agent: report written to {output.FullName}");
        }
        if (server is not null)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            try
            {
                var outcome = await new RunUploader(http).UploadAsync(server, token!, report, cancellationToken);
                if (!outcome.Succeeded)
                    return Fail(ExitCodes.Failed, $"upload to {server} failed ({(int)outcome.Status}): {outcome.Message}");
                Console.WriteLine(new Uri(server, outcome.Accepted!.Url));
            }
            catch (HttpRequestException ex)
            {
                return Fail(ExitCodes.Failed, $"upload to {server} failed: {ex.Message}");
            }
        }
        return ExitCodes.Ok;
    }

    private static string? ReadToken(FileInfo file)
    {
        try
        {
            return File.ReadAllText(file.FullName).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    internal static bool TryParseLabels(string[] args, out Dictionary<string, string>? labels, out string error)
    {
        labels = args.Length == 0 ? null : new Dictionary<string, string>(StringComparer.Ordinal);
        error = "";
        foreach (var arg in args)
        {
            var separator = arg.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                error = $"--label '{arg}' is not key=value";
                return false;
            }
            labels![arg[..separator]] = arg[(separator + 1)..];
        }
        return true;
    }

    /// <summary>Temporary file, flush, rename: a crash never leaves a half-written report behind.</summary>
    internal static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(content), cancellationToken);
            await file.FlushAsync(cancellationToken);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"measure-agent: {message}");
        return code;
    }
}
