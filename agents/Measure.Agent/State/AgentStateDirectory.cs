namespace Measure.Agent.State;

/// <summary>
/// The agent's own folder: outbox, rejected reports, its fleet credential and cached device limits.
/// Resolved as --state-dir, then $MEASURE_AGENT_STATE_DIR, then systemd's $STATE_DIRECTORY, then
/// ~/.local/state/measure-agent, so the same binary works interactively and as a service.
/// </summary>
public sealed class AgentStateDirectory
{
    public AgentStateDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    public string OutboxPath => System.IO.Path.Join(Path, "outbox");

    public string RejectedPath => System.IO.Path.Join(OutboxPath, "rejected");

    public string CredentialPath => System.IO.Path.Join(Path, "credential.json");

    public string DeviceLimitsPath => System.IO.Path.Join(Path, "device-limits.json");

    public static AgentStateDirectory Resolve(string? explicitPath, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrWhiteSpace(explicitPath))
            return new AgentStateDirectory(explicitPath);
        if (environment("MEASURE_AGENT_STATE_DIR") is { Length: > 0 } configured)
            return new AgentStateDirectory(configured);
        // systemd's StateDirectory= may list several folders separated by ':'; the first is ours.
        if (environment("STATE_DIRECTORY") is { Length: > 0 } systemd)
            return new AgentStateDirectory(systemd.Split(':')[0]);
        var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new AgentStateDirectory(System.IO.Path.Join(home, ".local", "state", "measure-agent"));
    }

    public override string ToString() => Path;
}
