using System.CommandLine;
using Measure.Agent.Android;
using Measure.Agent.Device;
using Measure.Agent.Fleet;
using Measure.Agent.Outbox;
using Measure.Agent.Running;
using Measure.Agent.State;
using Measure.Agent.Upload;
using Measure.Sensors.Commands;
using Measure.Sensors.IO;
using Measure.Sensors.Sampling;

namespace Measure.Agent.Commands;

/// <summary><c>measure-agent serve</c>: the enrolled agent's job loop (heartbeat, lease, run, upload, complete).</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var stateDir = AgentOptions.StateDirectory();
        var poll = new Option<double>("--poll-seconds") { Description = "Seconds between lease attempts when idle", DefaultValueFactory = _ => 30 };
        var maxJobs = new Option<int?>("--max-jobs") { Description = "Exit after this many jobs (default: run until stopped)" };
        var command = new Command("serve", "Run jobs from the enrolled server until stopped") { stateDir, poll, maxJobs };
        var adb = AdbServeCommand.AddTo(command);
        command.SetAction((parse, cancellationToken) => adb.IsRequested(parse)
            ? adb.ExecuteAsync(parse, AgentStateDirectory.Resolve(parse.GetValue(stateDir)), parse.GetValue(poll), parse.GetValue(maxJobs), cancellationToken)
            : ExecuteAsync(AgentStateDirectory.Resolve(parse.GetValue(stateDir)), parse.GetValue(poll), parse.GetValue(maxJobs), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(AgentStateDirectory state, double pollSeconds, int? maxJobs, CancellationToken cancellationToken)
    {
        if (!(pollSeconds > 0))
            return AgentOptions.Fail(ExitCodes.BadInput, "--poll-seconds must be positive");
        if (maxJobs is < 1)
            return AgentOptions.Fail(ExitCodes.BadInput, "--max-jobs must be at least 1");
        AgentCredential credential;
        try
        {
            credential = new CredentialStore(state).Load();
        }
        catch (InvalidOperationException ex)
        {
            return AgentOptions.Fail(ExitCodes.BadInput, ex.Message);
        }

        void Log(string message) => Console.Error.WriteLine($"{DateTimeOffset.UtcNow:u} measure-agent: {message}");
        var limits = new DeviceLimitsProvider(state, SysRoot.Host).Get();
        var device = FingerprintReader.Read(SysRoot.Host, limits is null ? null : DeviceLimitsMapping.ToContract(limits.Limits));
        var sensors = SensorProbes.Discover(SysRoot.Host, ProcessCommandRunner.Default);
        var outbox = new RunOutbox(state);
        using var http = AgentOptions.CreateHttpClient();
        var loop = new ServeLoop(
            new FleetClient(http, credential.Server, credential.Token),
            outbox,
            new OutboxSender(outbox, new RunUploader(http), UploadRetryOptions.Default.BuildPipeline()),
            credential.Token,
            () => device,
            (suite, labels, token) => new SuiteRunner(TimeProvider.System, sensors).Run(suite, device, labels, SilentProgress.Instance, token),
            new ServeOptions(TimeSpan.FromSeconds(pollSeconds), MaxJobs: maxJobs),
            TimeProvider.System,
            Log);
        Log($"serving {credential.Server} as {credential.Name} ({credential.AgentId}), tags [{string.Join(", ", credential.Tags)}], state in {state}");
        var jobs = await loop.RunAsync(cancellationToken);
        Log($"{jobs} job(s) handled; {outbox.Pending().Count} run(s) waiting in the outbox");
        return ExitCodes.Ok;
    }
}
