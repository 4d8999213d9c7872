namespace Measure.Cli;

/// <summary>What CI scripts branch on.</summary>
public static class ExitCodes
{
    public const int Pass = 0;
    public const int Regression = 1;
    public const int BadInput = 2;
    public const int Inconclusive = 3;
}
