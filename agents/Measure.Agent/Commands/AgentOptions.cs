using System.CommandLine;
using Measure.Agent.Fleet;
using Measure.Agent.State;
using Measure.Agent.Upload;

namespace Measure.Agent.Commands;

/// <summary>Options several verbs share, and how they resolve (explicit flag, environment, enrolled credential).</summary>
internal static class AgentOptions
{
    public static Option<string?> StateDirectory() =>
        new("--state-dir") { Description = "Agent state folder (outbox, credential, device limits); default $MEASURE_AGENT_STATE_DIR, $STATE_DIRECTORY or ~/.local/state/measure-agent" };

    public static Option<string?> Server() => new("--server") { Description = "Measure server URL (default: the enrolled server)" };

    public static Option<string?> Token() => new("--token") { Description = "Bearer token for --server (default: $MEASURE_TOKEN, then the enrolled agent token)" };

    public static Option<FileInfo?> TokenFile() => new("--token-file") { Description = "File holding the bearer token for --server" };

    public static Option<bool> Json() => new("--json") { Description = "Machine-readable output on stdout, no progress" };

    /// <summary>Where to upload and with which token: flags first, then $MEASURE_TOKEN, then the enrolled credential.</summary>
    public static bool TryResolveUpload(AgentStateDirectory state, string? serverArg, string? token, FileInfo? tokenFile,
        out Uri? server, out string? resolvedToken, out string error)
    {
        server = null;
        resolvedToken = null;
        error = "";
        AgentCredential? credential;
        try
        {
            credential = new CredentialStore(state).TryLoad();
        }
        catch (InvalidOperationException ex)
        {
            error = ex.Message;
            return false;
        }
        if (serverArg is not null)
        {
            if (!ServerAddress.TryParse(serverArg, out server))
            {
                error = $"--server '{serverArg}' is not an http(s) URL";
                return false;
            }
        }
        else
        {
            server = credential?.Server;
        }
        if (server is null)
        {
            error = "no server: give --server URL or enroll first";
            return false;
        }
        if (tokenFile is not null)
        {
            try
            {
                resolvedToken = File.ReadAllText(tokenFile.FullName).Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error = $"--token-file {tokenFile.FullName}: {ex.Message}";
                return false;
            }
        }
        resolvedToken ??= token ?? Environment.GetEnvironmentVariable("MEASURE_TOKEN");
        if (string.IsNullOrWhiteSpace(resolvedToken) && credential is not null && credential.Server == server)
            resolvedToken = credential.Token;
        if (string.IsNullOrWhiteSpace(resolvedToken))
        {
            error = $"{server} needs a token: --token, --token-file, $MEASURE_TOKEN or enroll";
            return false;
        }
        return true;
    }

    public static HttpClient CreateHttpClient() => new() { Timeout = TimeSpan.FromMinutes(2) };

    public static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"measure-agent: {message}");
        return code;
    }
}
