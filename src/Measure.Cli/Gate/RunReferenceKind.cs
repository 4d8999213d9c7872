namespace Measure.Cli.Gate;

public enum RunReferenceKind
{
    File,
    RunId,
    Latest,
    LatestPerDevice,
}
