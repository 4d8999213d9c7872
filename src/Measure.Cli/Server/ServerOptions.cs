using System.CommandLine;

namespace Measure.Cli.Server;

/// <summary>The --server and --token options every server-aware command shares, and how they become a client.</summary>
public static class ServerOptions
{
    public const string TokenVariable = "MEASURE_TOKEN";

    public static Option<string?> Server(string description) => new("--server") { Description = description };

    public static Option<string?> Token() => new("--token") { Description = $"Bearer token for the server (default: ${TokenVariable})" };

    /// <summary>A client for <paramref name="url"/>, or null when no server was given.</summary>
    /// <exception cref="ArgumentException">The URL is not an absolute http(s) URL.</exception>
    public static MeasureServerClient? Connect(HttpClient http, string? url, string? token)
    {
        if (string.IsNullOrWhiteSpace(url))
            return null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"--server: '{url}' is not an absolute http(s) URL", nameof(url));
        return new MeasureServerClient(http, uri, token ?? Environment.GetEnvironmentVariable(TokenVariable));
    }
}
