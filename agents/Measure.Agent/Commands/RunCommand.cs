using System.CommandLine;
using System.Globalization;
using Measure.Agent.Device;
using Measure.Agent.Outbox;
using Measure.Agent.Running;
using Measure.Agent.Running.Llm;
using Measure.Agent.Running.Vision;
using Measure.Agent.State;
using Measure.Agent.Suites;
using Measure.Agent.Upload;
using Measure.Contracts;
using Measure.Sensors.Commands;
using Measure.Sensors.IO;
using Measure.Sensors.Sampling;
using Measure.Workloads.Gguf;
using Measure.Workloads.Vision.Accuracy;
using Measure.Workloads.Vision.Images;

namespace Measure.Agent.Commands;

/// <summary>
/// <c>measure-agent run SUITE [--model M.gguf [--text FILE]] [--weights C.safetensors] [--detector-weights D.safetensors]
/// [--image-labels FILE [--images DIR]] [--out FILE] [--json] [--server URL --token T]</c>
/// </summary>
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
        var weights = new Option<FileInfo?>("--weights") { Description = "Safetensors weights the suite's vision-classifier workloads run on instead of seeded ones" };
        var detectorWeights = new Option<FileInfo?>("--detector-weights") { Description = "Safetensors weights the suite's vision-detector workloads run on instead of seeded ones" };
        var images = new Option<DirectoryInfo?>("--images") { Description = "Folder the image paths in --image-labels are relative to (default: the labels file's folder)" };
        var imageLabels = new Option<FileInfo?>("--image-labels") { Description = "Tab-separated labels (file<TAB>class, or file<TAB>class<TAB>xmin<TAB>ymin<TAB>xmax<TAB>ymax) to score real vision weights on (top-1 or mAP@0.5)" };

        var command = new Command("run", "Run a suite on this device and write or upload its report") 
        {
            suite, output, server, token, tokenFile, labels, quiet, json, stateDir, noProbe, model, text, weights, detectorWeights, images, imageLabels,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            parse.GetValue(suite)!, parse.GetValue(output), parse.GetValue(server), parse.GetValue(token), parse.GetValue(tokenFile),
            parse.GetValue(labels) ?? [], parse.GetValue(quiet), parse.GetValue(json), AgentStateDirectory.Resolve(parse.GetValue(stateDir)), parse.GetValue(noProbe),
            new WorkloadInputs(parse.GetValue(model)?.FullName, parse.GetValue(text)?.FullName, parse.GetValue(weights)?.FullName,
                parse.GetValue(detectorWeights)?.FullName, parse.GetValue(images)?.FullName, parse.GetValue(imageLabels)?.FullName),
            cancellationToken));
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

        if (VisionInputError(inputs) is { } visionError)
            return AgentOptions.Fail(ExitCodes.BadInput, visionError);

        SuiteDefinition suite;
        try
        {
            suite = SuiteParser.Load(suiteFile.FullName);
            WorkloadFactory.Validate(suite, inputs);
        }
        catch (Exception ex) when (IsBadInput(ex))
        {
            return AgentOptions.Fail(ExitCodes.BadInput, ex.Message);
        }
        if (inputs.ModelPath is not null && !suite.Workloads.Any(w => w.Kind == LlmWorkloadSpec.Kind))
            return AgentOptions.Fail(ExitCodes.BadInput, $"--model given but {suiteFile.Name} has no llm workload to run it");
        if (inputs.WeightsPath is not null && !suite.Workloads.Any(w => w.Kind == VisionWorkloadSpec.ClassifierKind))
            return AgentOptions.Fail(ExitCodes.BadInput, $"--weights given but {suiteFile.Name} has no {VisionWorkloadSpec.ClassifierKind} workload to run them");
        if (inputs.DetectorWeightsPath is not null && !suite.Workloads.Any(w => w.Kind == VisionWorkloadSpec.DetectorKind))
            return AgentOptions.Fail(ExitCodes.BadInput, $"--detector-weights given but {suiteFile.Name} has no {VisionWorkloadSpec.DetectorKind} workload to run them");

        var talk = !quiet && !json;
        var limits = new DeviceLimitsProvider(state, SysRoot.Host).Get(allowProbe: !noProbe);
        if (limits is { ProbedWhileBusy: true })
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"measure-agent: device limits probed on a busy machine (load average {limits.LoadAverage:0.0} on {limits.LogicalCores} cores) read low and make roofline fractions high; used for this run only, not cached"));
        var device = FingerprintReader.Read(SysRoot.Host, limits is null ? null : DeviceLimitsMapping.ToContract(limits.Limits));
        var sensors = SensorProbes.Discover(SysRoot.Host, ProcessCommandRunner.Default);
        RunReport report;
        try
        {
            report = TerminalProgress.Run(TerminalProgress.ShouldShow(!talk),
                progress => new SuiteRunner(TimeProvider.System, sensors).Run(suite, device, labels, progress, cancellationToken, inputs));
        }
        catch (Exception ex) when (IsBadInput(ex))
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

    /// <summary>A bad file given on the command line (or named by the suite): one line naming it, exit 2.</summary>
    private static bool IsBadInput(Exception ex) =>
        ex is SuiteFormatException or ModelFormatException or DatasetFormatException or ImageFormatException;

    /// <summary>Vision inputs that make no sense together, checked before the suite is read.</summary>
    internal static string? VisionInputError(WorkloadInputs inputs)
    {
        if (inputs.ImagesPath is not null && inputs.LabelsPath is null)
            return "--images needs --image-labels FILE (the labels name the images and their classes or boxes)";
        if (inputs.ImagesPath is not null && !Directory.Exists(inputs.ImagesPath))
            return $"--images {inputs.ImagesPath}: no such folder";
        if (inputs.LabelsPath is not null && inputs.WeightsPath is null && inputs.DetectorWeightsPath is null)
            return "--image-labels needs --weights or --detector-weights (seeded weights score at chance)";
        return null;
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
