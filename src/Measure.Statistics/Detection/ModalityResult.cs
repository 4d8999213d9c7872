namespace Measure.Statistics.Detection;

/// <summary>How many well-separated modes a sample shows, and where (density peaks, in sample units).</summary>
public sealed record ModalityResult(int ModeCount, IReadOnlyList<double> ModeLocations, bool Assessed)
{
    public bool IsMultimodal => ModeCount > 1;

    public static ModalityResult NotAssessed(double center) => new(1, [center], false);
}
