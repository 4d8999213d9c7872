namespace Measure.Server.Auth;

/// <summary>What a token may do. Stored as text so new kinds need no schema change.</summary>
public static class TokenKind
{
    public const string Admin = "admin";
    public const string Ci = "ci";
    public const string Agent = "agent";
    public const string ReadOnly = "read";

    /// <summary>Single use, expiring, exchanged for an agent token; never accepted as a bearer token.</summary>
    public const string Enrollment = "enrollment";

    /// <summary>Kinds an admin may issue through the tokens API (agent tokens come from enrollment).</summary>
    public static readonly string[] Issuable = [Admin, Ci, ReadOnly];

    public static bool CanWriteRuns(string kind) => kind is Admin or Ci or Agent;

    public static bool CanCreateJobs(string kind) => kind is Admin or Ci;
}
