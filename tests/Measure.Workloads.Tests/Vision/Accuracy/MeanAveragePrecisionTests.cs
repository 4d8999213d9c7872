using Measure.Workloads.Vision.Accuracy;
using Measure.Workloads.Vision.Detection;

namespace Measure.Workloads.Tests.Vision.Accuracy;

public sealed class MeanAveragePrecisionTests
{
    private static readonly BoundingBox A = new(0.0f, 0.0f, 0.3f, 0.3f);
    private static readonly BoundingBox B = new(0.5f, 0.5f, 0.9f, 0.9f);
    private static readonly BoundingBox Nowhere = new(0.3f, 0.6f, 0.4f, 0.7f);

    [Fact]
    public void Compute_PerfectDetections_IsOne()
    {
        IReadOnlyList<GroundTruthBox>[] truth = [[new(0, A), new(1, B)]];
        IReadOnlyList<DetectedObject>[] found = [[new(0, 0.9f, A), new(1, 0.8f, B)]];

        Assert.Equal(1.0, MeanAveragePrecision.Compute(found, truth), 10);
    }

    [Fact]
    public void AveragePrecision_TruePositiveFalsePositiveTruePositive_IsAreaUnderTheEnvelope()
    {
        IReadOnlyList<GroundTruthBox>[] truth = [[new(0, A), new(0, B)]];
        IReadOnlyList<DetectedObject>[] found = [[new(0, 0.9f, A), new(0, 0.8f, Nowhere), new(0, 0.7f, B)]];

        // precision 1, 1/2, 2/3 at recall 1/2, 1/2, 1: AP = 0.5 * 1 + 0.5 * 2/3.
        Assert.Equal(0.5 + (0.5 * 2 / 3.0), MeanAveragePrecision.AveragePrecision(found, truth, 0, 0.5f), 10);
    }

    [Fact]
    public void AveragePrecision_DuplicateOfOneObject_CountsOnceAsTruePositive()
    {
        IReadOnlyList<GroundTruthBox>[] truth = [[new(0, A)]];
        IReadOnlyList<DetectedObject>[] found = [[new(0, 0.6f, A), new(0, 0.9f, A with { XMax = 0.31f })]];

        Assert.Equal(1.0, MeanAveragePrecision.AveragePrecision(found, truth, 0, 0.5f), 10);
        Assert.Equal(0.5, MeanAveragePrecision.Compute(found, [[new(0, A), new(0, B)]]), 10);
    }

    [Fact]
    public void Compute_WrongClassOrLowOverlap_ScoresZero()
    {
        IReadOnlyList<GroundTruthBox>[] truth = [[new(0, A)], [new(1, B)]];
        IReadOnlyList<DetectedObject>[] found = [[new(1, 0.9f, A)], [new(1, 0.9f, B with { XMin = 0.75f })]];

        Assert.Equal(0.0, MeanAveragePrecision.Compute(found, truth));
    }

    [Fact]
    public void Compute_MismatchedImageCounts_ThrowsNamingTruth() =>
        Assert.Equal("truth", Assert.Throws<ArgumentException>(() => MeanAveragePrecision.Compute([[]], [])).ParamName);
}
