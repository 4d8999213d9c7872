using Measure.Workloads.Vision.Detection;

namespace Measure.Workloads.Tests.Vision.Detection;

public sealed class NonMaxSuppressionTests
{
    private static readonly BoundingBox Left = new(0.0f, 0.0f, 0.4f, 0.4f);
    private static readonly BoundingBox LeftShifted = new(0.05f, 0.0f, 0.45f, 0.4f); // IoU with Left = 0.35/0.45 = 0.778
    private static readonly BoundingBox Right = new(0.6f, 0.6f, 1.0f, 1.0f);

    [Fact]
    public void IntersectionOverUnion_HandMadeBoxes_MatchesArithmetic()
    {
        Assert.Equal(0.35f * 0.4f / ((2 * 0.16f) - (0.35f * 0.4f)), BoundingBox.IntersectionOverUnion(Left, LeftShifted), 5);
        Assert.Equal(0f, BoundingBox.IntersectionOverUnion(Left, Right));
        Assert.Equal(1f, BoundingBox.IntersectionOverUnion(Right, Right), 6);
        Assert.Equal(0f, BoundingBox.IntersectionOverUnion(new BoundingBox(0.5f, 0.5f, 0.5f, 0.5f), Right));
    }

    [Fact]
    public void Apply_OverlappingSameClass_KeepsOnlyTheBest()
    {
        DetectedObject[] candidates = [new(0, 0.6f, LeftShifted), new(0, 0.9f, Left), new(0, 0.5f, Right)];

        var kept = NonMaxSuppression.Apply(candidates, 0.45f, 10);

        Assert.Equal([new DetectedObject(0, 0.9f, Left), new DetectedObject(0, 0.5f, Right)], kept);
    }

    [Fact]
    public void Apply_OverlappingDifferentClasses_KeepsBoth()
    {
        DetectedObject[] candidates = [new(0, 0.9f, Left), new(1, 0.8f, LeftShifted)];

        var kept = NonMaxSuppression.Apply(candidates, 0.45f, 10);

        Assert.Equal(2, kept.Count);
    }

    [Fact]
    public void Apply_ThresholdAboveTheOverlap_KeepsBoth() =>
        Assert.Equal(2, NonMaxSuppression.Apply([new DetectedObject(0, 0.9f, Left), new DetectedObject(0, 0.8f, LeftShifted)], 0.8f, 10).Count);

    [Fact]
    public void Apply_MaxDetections_KeepsTheHighestScores()
    {
        DetectedObject[] candidates = [new(0, 0.2f, Left), new(1, 0.7f, Left), new(2, 0.5f, Right)];

        var kept = NonMaxSuppression.Apply(candidates, 0.5f, 2);

        Assert.Equal([0.7f, 0.5f], kept.Select(k => k.Score));
    }

    [Fact]
    public void Apply_TiedScores_KeepsTheFirstInInputOrder()
    {
        DetectedObject[] candidates = [new(0, 0.5f, LeftShifted), new(0, 0.5f, Left)];

        Assert.Equal(LeftShifted, Assert.Single(NonMaxSuppression.Apply(candidates, 0.5f, 10)).Box);
    }

    [Fact]
    public void Apply_BadThreshold_ThrowsNamingIt() =>
        Assert.Equal("iouThreshold", Assert.Throws<ArgumentException>(() => NonMaxSuppression.Apply([], 1.5f, 1)).ParamName);
}
