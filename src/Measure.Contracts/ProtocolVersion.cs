namespace Measure.Contracts;

public static class ProtocolVersion
{
    /// <summary>Run report schema version written by this build; the server accepts 1..Current.</summary>
    public const int RunReportSchema = 1;
}
