using Measure.Agent.Android.Adb;
using Measure.Agent.Android.Battery;
using Measure.Agent.Android.Phone;
using Measure.Agent.Android.Running;
using Measure.Agent.Fleet;
using Measure.Agent.Outbox;
using Measure.Agent.State;
using Measure.Agent.Upload;
using Measure.Contracts.Fleet;

namespace Measure.Agent.Android.Fleet;

/// <summary>
/// <c>measure-agent serve --adb</c>: scans <c>adb devices -l</c>, gives every attached phone its own identity in the
/// fleet (credential and outbox under <c>STATE/phones/SERIAL/</c>, enrolled with the next enrollment token when new),
/// and runs one job loop per attached phone. A phone that leaves the list stops heartbeating (the server shows it
/// stale, then offline); one that comes back resumes. Phones left unplugged from their charger by a crashed host are
/// reset when seen.
/// </summary>
public sealed class PhoneFleetHost
{
    private readonly AdbClient _adb;
    private readonly AgentStateDirectory _state;
    private readonly HttpClient _http;
    private readonly AdbHostOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<string> _log;
    private readonly Queue<string> _enrollmentTokens;
    private readonly Dictionary<string, (Task<int> Loop, CancellationTokenSource Stop)> _running = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reportedUnenrolled = new(StringComparer.Ordinal);

    public PhoneFleetHost(AdbClient adb, AgentStateDirectory state, HttpClient http, AdbHostOptions options, TimeProvider time, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(adb);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _adb = adb;
        _state = state;
        _http = http;
        _options = options;
        _time = time;
        _log = log;
        _enrollmentTokens = new Queue<string>(options.EnrollmentTokens.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()));
        Charging = new ChargingControl(adb, PhonesDirectory);
    }

    public string PhonesDirectory => Path.Join(_state.Path, "phones");

    public ChargingControl Charging { get; }

    /// <summary>Serials whose job loop is running now.</summary>
    public IReadOnlyCollection<string> Serving => _running.Keys.ToList();

    public AgentStateDirectory PhoneState(string serial) => new(Path.Join(PhonesDirectory, serial));

    /// <summary>Scans until cancelled, then stops every phone's loop.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await ScanAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(_options.DiscoveryInterval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _log("adb host stopping");
        }
        finally
        {
            await StopAllAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One discovery pass: stops the loops of phones that left, starts loops for attached phones without one.</summary>
    public async Task ScanAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<AttachedPhone> attached;
        try
        {
            attached = _adb.Devices();
        }
        catch (AdbException ex)
        {
            _log($"adb devices failed: {ex.Message}");
            return;
        }
        var ready = attached.Where(p => p.IsReady).Select(p => p.Serial).ToHashSet(StringComparer.Ordinal);
        foreach (var (serial, (loop, stop)) in _running.ToList())
        {
            if (ready.Contains(serial) && !loop.IsCompleted)
                continue;
            if (!ready.Contains(serial))
                _log($"phone {serial} left adb devices: its heartbeats stop");
            await stop.CancelAsync().ConfigureAwait(false);
            await loop.ConfigureAwait(false);
            stop.Dispose();
            _running.Remove(serial);
        }
        foreach (var phone in attached.Where(p => !p.IsReady && !_running.ContainsKey(p.Serial)))
            _log($"phone {phone.Serial} is {phone.State}: not used until it is 'device' (authorize the host on the phone)");
        Charging.RecoverAfterCrash(ready, _log);
        foreach (var serial in ready.Where(s => !_running.ContainsKey(s)).Order(StringComparer.Ordinal))
        {
            try
            {
                await StartAsync(serial, cancellationToken).ConfigureAwait(false);
            }
            catch (AdbException ex)
            {
                _log($"phone {serial}: not started ({ex.Message})");
            }
        }
    }

    private async Task StartAsync(string serial, CancellationToken cancellationToken)
    {
        using var mirror = new PhoneMirror(_adb, serial);
        var identity = PhoneIdentity.Read(_adb, mirror);
        var state = PhoneState(serial);
        var credential = await CredentialAsync(serial, identity, state, cancellationToken).ConfigureAwait(false);
        if (credential is null)
            return;
        var outbox = new RunOutbox(state);
        var runner = new PhoneRunner(_adb, identity, Charging, _options.Run, _time, _log);
        var loop = new PhoneJobLoop(
            identity,
            new FleetClient(_http, credential.Server, credential.Token),
            outbox,
            new OutboxSender(outbox, new RunUploader(_http), UploadRetryOptions.Default.BuildPipeline()),
            credential.Token,
            runner.Run,
            _options.Serve,
            _time,
            _log);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _running[serial] = (Task.Run(() => loop.RunAsync(stop.Token), CancellationToken.None), stop);
        _log($"phone {serial}: serving as {credential.Name} ({credential.AgentId}) on {credential.Server}");
    }

    private async Task<AgentCredential?> CredentialAsync(string serial, PhoneIdentity identity, AgentStateDirectory state, CancellationToken cancellationToken)
    {
        var store = new CredentialStore(state);
        if (store.TryLoad() is { } existing)
            return existing;
        if (_options.Server is null || _enrollmentTokens.Count == 0)
        {
            if (_reportedUnenrolled.Add(serial))
                _log($"phone {serial} ({identity.Manufacturer} {identity.Model}) is not enrolled: give serve --adb --server URL --enroll-token TOKEN (a token with as many uses as new phones, or one token per phone)");
            return null;
        }
        var tags = identity.Tags.Concat(_options.Tags).Distinct(StringComparer.Ordinal).ToList();

        // A token stays in use while the server accepts it (a lab host's multi-use token enrolls every phone);
        // once refused (used up, expired, unknown) the next one is tried for the same phone.
        while (_enrollmentTokens.TryPeek(out var token))
        {
            try
            {
                var enrolled = await new FleetClient(_http, _options.Server, null).EnrollAsync(new EnrollRequest(token, identity.Name, identity.Device, tags), cancellationToken).ConfigureAwait(false);
                var credential = new AgentCredential(_options.Server, enrolled.AgentId, enrolled.AgentToken, identity.Name, tags);
                store.Save(credential);
                _log($"phone {serial}: enrolled as {identity.Name} ({enrolled.AgentId}), tags [{string.Join(", ", tags)}]");
                return credential;
            }
            catch (FleetException ex)
            {
                _log($"phone {serial}: enrollment failed: {ex.Message}");
                if (ex.IsTransient)
                    return null;
                _enrollmentTokens.Dequeue();
            }
        }
        return null;
    }

    /// <summary>Stops every phone's loop (those mid-run fail their job first).</summary>
    public async Task StopAllAsync()
    {
        foreach (var (_, (loop, stop)) in _running)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await loop.ConfigureAwait(false);
            stop.Dispose();
        }
        _running.Clear();
    }
}
