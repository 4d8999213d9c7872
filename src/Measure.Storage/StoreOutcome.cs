namespace Measure.Storage;

public enum StoreOutcome
{
    /// <summary>The run was new and is now stored.</summary>
    Created,

    /// <summary>The same run (same id, same content) was stored before; nothing was written.</summary>
    AlreadyStored,

    /// <summary>A different report with the same run id is stored; nothing was written.</summary>
    Conflict,
}
