namespace Measure.Statistics.Detection;

public enum SteadyStateStatus
{
    /// <summary>Keep warming up.</summary>
    NotYet,

    /// <summary>The last two windows agree: steady state began at StartIndex.</summary>
    Reached,

    /// <summary>MaxWarmup iterations passed without settling; measure from StartIndex and flag the run.</summary>
    BudgetExhausted,
}
