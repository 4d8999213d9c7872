namespace Measure.Contracts;

/// <summary>The server's answer to an upload; a repeated upload of the same run gets the same answer.</summary>
public sealed record RunAccepted(Guid RunId, string Url);
