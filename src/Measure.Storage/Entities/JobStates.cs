namespace Measure.Storage.Entities;

public static class JobStates
{
    public const string Queued = "queued";
    public const string Leased = "leased";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
