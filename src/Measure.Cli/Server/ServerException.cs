namespace Measure.Cli.Server;

/// <summary>The server could not be reached or refused a request; the message says which request and why.</summary>
public sealed class ServerException(string message, Exception? inner = null) : Exception(message, inner);
