namespace Measure.Agent.Commands;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The run or the upload failed; a report written with --out is still on disk.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: unreadable or invalid suite, bad arguments, missing token.</summary>
    public const int BadInput = 2;
}
