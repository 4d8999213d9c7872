namespace Measure.Statistics.Inference;

/// <summary>An interval estimate; Level is the nominal coverage (0.95 for a 95% interval).</summary>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level)
{
    public bool Contains(double value) => value >= Lower && value <= Upper;

    public double Width => Upper - Lower;

    public ConfidenceInterval Map(Func<double, double> increasing) => new(increasing(Lower), increasing(Upper), Level);
}
