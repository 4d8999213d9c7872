namespace Measure.Contracts;

/// <summary>Which suite ran: its id, declared version and the SHA-256 of the file's content.</summary>
public sealed record SuiteRef(string Id, int Version, string ContentHash);
