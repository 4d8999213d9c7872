namespace Measure.Storage.Ingest;

/// <summary>What became of one run handed to the writer: an outcome, or the error that kept it from being stored.</summary>
public sealed class RunWriteResult
{
    private RunWriteResult(StoreOutcome? outcome, Exception? error)
    {
        Outcome = outcome;
        Error = error;
    }

    public StoreOutcome? Outcome { get; }

    /// <summary>Why nothing of the run was written; null when there is an outcome.</summary>
    public Exception? Error { get; }

    public static RunWriteResult Stored(StoreOutcome outcome) => new(outcome, null);

    public static RunWriteResult Failed(Exception error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>The outcome, or the error rethrown.</summary>
    public StoreOutcome OutcomeOrThrow()
    {
        if (Error is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(Error);
        return Outcome!.Value;
    }
}
