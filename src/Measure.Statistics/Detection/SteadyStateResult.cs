namespace Measure.Statistics.Detection;

public sealed class SteadyStateResult
{
    private SteadyStateResult(SteadyStateStatus status, int? startIndex)
    {
        Status = status;
        StartIndex = startIndex;
    }

    public SteadyStateStatus Status { get; }

    /// <summary>Index of the first steady iteration (null while not yet steady).</summary>
    public int? StartIndex { get; }

    public bool IsSteady => Status == SteadyStateStatus.Reached;

    /// <summary>True when warm-up is over, steady or not: the protocol should start measuring.</summary>
    public bool WarmupOver => Status != SteadyStateStatus.NotYet;

    public static SteadyStateResult NotYet() => new(SteadyStateStatus.NotYet, null);

    public static SteadyStateResult Reached(int startIndex) => new(SteadyStateStatus.Reached, startIndex);

    public static SteadyStateResult BudgetExhausted(int startIndex) => new(SteadyStateStatus.BudgetExhausted, startIndex);
}
