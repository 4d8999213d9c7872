using System.CommandLine;
using Measure.Agent.Device;
using Measure.Agent.Outbox;
using Measure.Agent.Running;
using Measure.Agent.Running.Llm;
using Measure.Agent.State;
using Measure.Agent.Suites;
using Measure.Agent.Upload;
using Measure.Contracts;
using Measure.Sensors.Commands;
using Measure.Sensors.IO;
using Measure.Sensors.Sampling;
using Measure.Workloads.Gguf;

namespace Measure.Agent.Commands;

/// <summary><c>measure-agent run SUITE [--model M.gguf [--text FILE]] [--out FILE] [--json] [--server URL --token T]</c></summary>
public static class RunCommand
{
    public static Command Create()
    {
        var suite = new Argument<FileInfo>("suite") { Description = "Suite file, e.g. suites/quick.yaml" };
        var output = new Option<FileInfo?>("--out") { Description = "Write the run report (JSON) to this file" };
        var server = AgentOptions.Server();
        var token = AgentOptions.Token();
        var tokenFile = AgentOptions.TokenFile();
        var labels = new Option<string[]>("--label") { Description = "key=value label stored with the run (repeatable), e.g. branch=main", AllowMultipleArgumentsPerToken = false };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress output" };
        var json = AgentOptions.Json();
        var stateDir = AgentOptions.StateDirectory();
        var noProbe = new Option<bool>("--no-probe") { Description = "Do not probe device limits when none are cached (roofline_fraction is then unavailable)" };
        var model = new Option<FileInfo?>("--model") { Description = "GGUF model the suite's llm workloads run on instead of their seeded presets" };
        var text = new Option<FileInfo?>("--text") { Description = "Text file whose perplexity the --model is scored on" };

        var command = new Command("run", "Run a suite on this device and write or upload its report") { suite, output, server, token, tokenFile, labels, quiet, json, stateDir, noProbe, model, text };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            parse.GetValue(suite)!, parse.GetValue(output), parse.GetValue(server), parse.GetValue(token), parse.GetValue(tokenFile),
            parse.GetValue(labels) ?? [], parse.GetValue(quiet), parse.GetValue(json), AgentStateDirectory.Resolve(parse.GetValue(stateDir)), parse.GetValue(noProbe),
            new WorkloadInputs(parse.GetValue(model)?.FullName, parse.GetValue(text)?.FullName), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(FileInfo suiteFile, FileInfo? output, string? serverArg, string? tokenArg, FileInfo? tokenFile,
        string[] labelArgs, bool quiet, bool json, AgentStateDirectory state, bool noProbe, WorkloadInputs inputs, CancellationToken cancellationToken)
    {
        Uri? server = null;
        string? token = null;
        if (serverArg is not null && !AgentOptions.TryResolveUpload(state, serverArg, tokenArg, tokenFile, out server, out token, out var uploadError))
            return AgentOptions.Fail(ExitCodes.BadInput, uploadError);
        if (output is null && server is null && !json)
            return AgentOptions.Fail(ExitCodes.BadInput, "nothing to do: give --out FILE, --json, --server URL, or a combination");
        if (!TryParseLabels(labelArgs, out var labels, out var labelError))
            return AgentOptions.Fail(ExitCodes.BadInput, labelError);

        if (inputs.TextPath is { } textPath && (inputs.ModelPath is null || !File.Exists(textPath)))
            return AgentOptions.Fail(ExitCodes.BadInput, inputs.ModelPath is null ? "--text needs --model (perplexity is scored with a real model's vocabulary)" : $"--text {textPath}: no such file");

        SuiteDefinition suite;
        try
        {
            suite = SuiteParser.Load(suiteFile.FullName);
            WorkloadFactory.Validate(suite, inputs);
        }
        catch (Exception ex) when (ex is SuiteFormatException or ModelFormatException)
        {
            return AgentOptions.Fail(ExitCodes.BadInput, ex.Message);
        }
        if (inputs.ModelPath is not null && !suite.Workloads.Any(w => w.Kind == LlmWorkloadSpec.Kind))
            return AgentOptions.Fail(ExitCodes.BadInput, $"--model given but {suiteFile.Name} has no llm workload to run it");

        var talk = !quiet && !json;
        var limits = new DeviceLimitsProvider(state, SysRoot.Host).Get(allowProbe: !noProbe);
        var device = FingerprintReader.Read(SysRoot.Host, limits is null ? null : DeviceLimitsMapping.ToContract(limits.Limits));
        var sensors = SensorProbes.Discover(SysRoot.Host, ProcessCommandRunner.Default);
        RunReport report;
        try
        {
            report = TerminalProgress.Run(TerminalProgress.ShouldShow(!talk),
                progress => new SuiteRunner(TimeProvider.System, sensors).Run(suite, device, labels, progress, cancellationToken, inputs));
        }
        catch (ModelFormatException ex)
        {
            return AgentOptions.Fail(ExitCodes.BadInput, ex.Message);
        }
        catch (OperationCanceledException)
        {
            return AgentOptions.Fail(ExitCodes.Failed, "run cancelled; nothing was written");
        }

        if (output is not null)
        {
            DurableFile.WriteAllText(output.FullName, MeasureJson.Serialize(report, indented: true));
            if (talk)
                Console.Error.WriteLine($"measure-agent: report written to {output.FullName}");
        }
        if (json)
            Console.WriteLine(MeasureJson.Serialize(report, indented: true));
        if (server is null)
            return ExitCodes.Ok;

        var outbox = new RunOutbox(state);
        outbox.Add(report);
        using var http = AgentOptions.CreateHttpClient();
        var sender = new OutboxSender(outbox, new RunUploader(http), UploadRetryOptions.Default.BuildPipeline());
        var summary = await sender.DrainAsync(server, token!, talk ? m => Console.Error.WriteLine($"measure-agent: {m}") : null, cancellationToken);
        if (summary.Delivered.FirstOrDefault(e => e.RunId == report.RunId) is null)
        {
            var rejected = summary.Rejected.FirstOrDefault(e => e.RunId == report.RunId);
            return AgentOptions.Fail(ExitCodes.Failed, rejected is not null
                ? $"{server} refused run {report.RunId}: {rejected.Reason} (kept in {rejected.Path})"
                : $"upload of run {report.RunId} to {server} failed ({summary.StoppedBy}); it stays in {outbox.PendingDirectory} for `measure-agent outbox send`");
        }
        if (!json)
            Console.WriteLine(new Uri(server, $"runs/{report.RunId:D}"));
        return ExitCodes.Ok;
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
}
