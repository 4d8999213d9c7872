namespace Measure.Server.Auth;

/// <summary>What a token may do. Stored as text so new kinds need no schema change.</summary>
public static class TokenKind
{
    public const string Admin = "admin";
    public const string Ci = "ci";
    public const string Agent = "agent";
    public const string ReadOnly = "read";

    public static bool CanWriteRuns(string kind) => kind is Admin or Ci or Agent;
}
