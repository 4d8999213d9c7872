using System.Text.Json;
using Measure.Agent.State;

namespace Measure.Agent.Fleet;

/// <summary>
/// Keeps the agent credential in the state folder, readable only by the agent's user (0600, set
/// when the file is created, so there is no moment at which others could read it).
/// </summary>
public sealed class CredentialStore(AgentStateDirectory state)
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string Path => state.CredentialPath;

    public void Save(AgentCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        DurableFile.WriteAllText(Path, JsonSerializer.Serialize(credential, AgentJsonContext.Indented.AgentCredential), OwnerOnly);
    }

    /// <exception cref="InvalidOperationException">No credential (not enrolled) or an unreadable one; the message says which.</exception>
    public AgentCredential Load()
    {
        if (!File.Exists(Path))
            throw new InvalidOperationException($"not enrolled: {Path} does not exist (run measure-agent enroll --server URL --token TOKEN)");
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(Path), AgentJsonContext.Default.AgentCredential)
                ?? throw new InvalidOperationException($"{Path} holds no credential");
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{Path}: cannot read the agent credential ({ex.Message})", ex);
        }
    }

    public AgentCredential? TryLoad() => File.Exists(Path) ? Load() : null;
}
