using System.Net;
using Measure.Contracts;

namespace Measure.Agent.Upload;

public enum UploadVerdict
{
    /// <summary>Stored (201), also when it was stored before: the server answers a repeat like the first.</summary>
    Delivered,

    /// <summary>Worth retrying: no answer, a timeout, 408, 429 or a 5xx.</summary>
    Transient,

    /// <summary>The token was refused (401/403): keep the report, stop sending until the credential is fixed.</summary>
    Unauthorized,

    /// <summary>Refused for good (400, 409, 413 ...): retrying the same bytes can never succeed.</summary>
    Rejected,
}

/// <summary>What one upload attempt came to.</summary>
public sealed class UploadOutcome
{
    private UploadOutcome(UploadVerdict verdict, HttpStatusCode? status, RunAccepted? accepted, string message)
    {
        Verdict = verdict;
        Status = status;
        Accepted = accepted;
        Message = message;
    }

    public UploadVerdict Verdict { get; }

    public HttpStatusCode? Status { get; }

    public RunAccepted? Accepted { get; }

    public string Message { get; }

    public bool Succeeded => Verdict == UploadVerdict.Delivered;

    public static UploadOutcome Delivered(HttpStatusCode status, RunAccepted? accepted) => new(UploadVerdict.Delivered, status, accepted, "stored");

    public static UploadOutcome NoAnswer(string message) => new(UploadVerdict.Transient, null, null, message);

    /// <summary>Classifies a non-success answer: only 408 and 429 among the 4xx are worth another try.</summary>
    public static UploadOutcome FromFailure(HttpStatusCode status, string message) => (int)status switch
    {
        408 or 429 or >= 500 => new(UploadVerdict.Transient, status, null, message),
        401 or 403 => new(UploadVerdict.Unauthorized, status, null, message),
        _ => new(UploadVerdict.Rejected, status, null, message),
    };

    public override string ToString() => Status is { } s ? $"{(int)s} {Message}" : Message;
}
