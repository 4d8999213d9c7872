using System.CommandLine;
using Measure.Agent.Android.Adb;
using Measure.Agent.Android.Fleet;
using Measure.Agent.Android.Preconditions;
using Measure.Agent.Android.Running;
using Measure.Agent.Commands;
using Measure.Agent.Fleet;
using Measure.Agent.State;
using Measure.Agent.Upload;
using Measure.Sensors.Commands;

namespace Measure.Agent.Android;

/// <summary>
/// The options <c>serve --adb</c> adds to <c>serve</c>, and its execution: this host serves the phones attached
/// to it over adb instead of itself.
/// </summary>
public sealed class AdbServeCommand
{
    private readonly Option<bool> _adb = new("--adb") { Description = "Serve the Android phones attached over adb (each its own agent), not this host" };
    private readonly Option<string> _adbPath = new("--adb-path") { Description = "adb executable (default: adb on PATH)", DefaultValueFactory = _ => "adb" };
    private readonly Option<string?> _server = new("--server") { Description = "Server new phones enroll on (with --adb)" };
    private readonly Option<string[]> _enrollTokens = new("--enroll-token") { Description = "Enrollment token for new phones (repeatable, with --adb): used while the server accepts it (a token created with uses: N enrolls N phones), then the next" };
    private readonly Option<string[]> _tags = new("--tag") { Description = "Tag added to every phone, e.g. lab-a (repeatable, with --adb)" };
    private readonly Option<double> _scanSeconds = new("--scan-seconds") { Description = "Seconds between adb devices scans", DefaultValueFactory = _ => 10 };
    private readonly Option<string?> _llamaBench = new("--llama-bench") { Description = "llama-bench built for Android, run by suites with kind: llama-bench" };
    private readonly Option<string?> _modelDir = new("--model-dir") { Description = "Folder of the models llama-bench suites name" };
    private readonly Option<string?> _portableAgent = new("--portable-agent") { Description = "Folder of the framework-dependent agent pushed for bundled workloads" };
    private readonly Option<string?> _phoneDotnet = new("--phone-dotnet") { Description = "The .NET 10 host on the phones (default: Termux's)" };
    private readonly Option<bool> _keepCharging = new("--keep-charging") { Description = "Do not unplug the battery service while measuring (energy is then flagged unreliable)" };
    private readonly Option<bool> _screenOff = new("--require-screen-off") { Description = "Default precondition: the screen is off (a suite's preconditions block, then precondition.* job labels, override these defaults)" };
    private readonly Option<bool> _airplane = new("--require-airplane-mode") { Description = "Precondition: airplane mode is on" };
    private readonly Option<bool> _fixedBrightness = new("--require-fixed-brightness") { Description = "Precondition: brightness is manual" };
    private readonly Option<int?> _brightness = new("--require-brightness") { Description = "Precondition: manual brightness at this level (0-255)" };
    private readonly Option<int?> _minBattery = new("--min-battery") { Description = "Precondition: battery at least this percent" };

    private AdbServeCommand()
    {
    }

    /// <summary>Adds the adb options to <c>serve</c>.</summary>
    public static AdbServeCommand AddTo(Command serve)
    {
        ArgumentNullException.ThrowIfNull(serve);
        var adb = new AdbServeCommand();
        foreach (var option in new Option[] { adb._adb, adb._adbPath, adb._server, adb._enrollTokens, adb._tags, adb._scanSeconds, adb._llamaBench, adb._modelDir,
            adb._portableAgent, adb._phoneDotnet, adb._keepCharging, adb._screenOff, adb._airplane, adb._fixedBrightness, adb._brightness, adb._minBattery })
            serve.Options.Add(option);
        return adb;
    }

    public bool IsRequested(ParseResult parse) => parse.GetValue(_adb);

    public async Task<int> ExecuteAsync(ParseResult parse, AgentStateDirectory state, double pollSeconds, int? maxJobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        Uri? server = null;
        if (parse.GetValue(_server) is { } serverArg && !ServerAddress.TryParse(serverArg, out server))
            return AgentOptions.Fail(ExitCodes.BadInput, $"--server '{serverArg}' is not an http(s) URL");
        if (!(pollSeconds > 0) || !(parse.GetValue(_scanSeconds) > 0))
            return AgentOptions.Fail(ExitCodes.BadInput, "--poll-seconds and --scan-seconds must be positive");
        if (parse.GetValue(_brightness) is < 0 or > 255 || parse.GetValue(_minBattery) is < 0 or > 100)
            return AgentOptions.Fail(ExitCodes.BadInput, "--require-brightness is 0-255 and --min-battery 0-100");
        var preconditions = new RunPreconditions(parse.GetValue(_screenOff), parse.GetValue(_airplane),
            parse.GetValue(_fixedBrightness) || parse.GetValue(_brightness) is not null, parse.GetValue(_brightness), parse.GetValue(_minBattery));
        var run = new PhoneRunOptions(preconditions, parse.GetValue(_llamaBench), parse.GetValue(_modelDir), parse.GetValue(_portableAgent),
            parse.GetValue(_phoneDotnet) ?? PhoneRunOptions.Default.PhoneDotnet, StopCharging: !parse.GetValue(_keepCharging));
        var options = new AdbHostOptions(server, parse.GetValue(_enrollTokens) ?? [], parse.GetValue(_tags) ?? [],
            new ServeOptions(TimeSpan.FromSeconds(pollSeconds), MaxJobs: maxJobs), TimeSpan.FromSeconds(parse.GetValue(_scanSeconds)), run);
        void Log(string message) => Console.Error.WriteLine($"{DateTimeOffset.UtcNow:u} measure-agent: {message}");
        using var http = AgentOptions.CreateHttpClient();
        var host = new PhoneFleetHost(new AdbClient(ProcessCommandRunner.Default, parse.GetValue(_adbPath)!), state, http, options, TimeProvider.System, Log);
        Log($"serving the phones attached over adb; state in {host.PhonesDirectory}");
        await host.RunAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
