using System.Net;

namespace Measure.Agent.Fleet;

/// <summary>The server answered a fleet call with an error (or not at all: <see cref="Status"/> null).</summary>
public sealed class FleetException(string message, HttpStatusCode? status, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    /// <summary>Worth trying again later: no answer, 408, 429 or a 5xx.</summary>
    public bool IsTransient => Status is null or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int?)Status >= 500;
}
