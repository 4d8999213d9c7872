namespace Measure.Cli.Gate;

public enum ComparisonKind
{
    /// <summary>All raw samples of both sides, compared by ranks.</summary>
    Samples,

    /// <summary>One figure a side (accuracy, energy), compared against its threshold alone.</summary>
    SingleValue,
}
