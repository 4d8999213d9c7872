namespace Measure.Storage.Fleet;

public enum LeaseOutcome
{
    Ok,

    /// <summary>No such job for this agent (unknown, or leased by another agent: not revealed).</summary>
    NotFound,

    /// <summary>The lease expired and the job was taken again, or the job already finished.</summary>
    LeaseLost,

    /// <summary>Completion names a run the server has not stored (upload it first).</summary>
    RunMissing,
}
