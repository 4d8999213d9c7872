namespace Measure.Workloads.Vision.Detection;

/// <summary>
/// The SSDLite-style head on a MobileNet backbone: <see cref="Classes"/> object classes (a background
/// class is added), priors of the given aspect ratios and scales, and the post-processing thresholds.
/// </summary>
public sealed record DetectorConfig(
    int Classes = 20,
    IReadOnlyList<float>? AspectRatios = null,
    float MinScale = 0.2f,
    float MaxScale = 0.95f,
    float ScoreThreshold = 0.3f,
    float IouThreshold = 0.45f,
    int MaxDetections = 100)
{
    public IReadOnlyList<float> Ratios => AspectRatios ?? [1f, 2f, 0.5f];

    public DetectorConfig Validate()
    {
        if (Classes < 1)
        {
            throw new ArgumentException($"Classes must be at least 1, got {Classes}", nameof(Classes));
        }

        if (!(ScoreThreshold is >= 0f and <= 1f) || !(IouThreshold is >= 0f and <= 1f))
        {
            throw new ArgumentException($"thresholds must lie in [0, 1], got score {ScoreThreshold} and IoU {IouThreshold}", nameof(ScoreThreshold));
        }

        if (MaxDetections < 1)
        {
            throw new ArgumentException($"MaxDetections must be at least 1, got {MaxDetections}", nameof(MaxDetections));
        }

        return this;
    }
}
