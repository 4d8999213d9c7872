using Measure.Kernels.Threading;
using Measure.Workloads.Vision.Accuracy;
using Measure.Workloads.Vision.Detection;
using Measure.Workloads.Vision.Model;

namespace Measure.Workloads.Tests.Vision.Detection;

public sealed class DetectorSessionTests : IDisposable
{
    private static readonly DetectorConfig Config = new(Classes: 5, ScoreThreshold: 0.05f);
    private readonly KernelContext _context = new(1);

    [Fact]
    public void Layout_Tiny_HasThreeMapsAndMatchingAnchors()
    {
        var layout = new SsdLiteLayout(MobileNetConfig.Tiny, Config);

        Assert.Equal([2, 1, 1], layout.MapSizes);
        Assert.Equal((4 + 1 + 1) * 4, layout.Anchors.Count);
        Assert.DoesNotContain(layout.Convolutions, c => c.Name == "classifier");
        Assert.Equal(12, new SsdLiteLayout(MobileNetConfig.Standard(), Config).TapBlock); // last 14x14 block at 224
        Assert.Equal([14, 7, 4], new SsdLiteLayout(MobileNetConfig.Standard(), Config).MapSizes);
    }

    [Fact]
    public void Detect_SeededTinyDetector_GivesSortedBoxesInsideTheImage()
    {
        var detector = MobileNetDetector.Seeded(MobileNetConfig.Tiny, Config, VisionPrecision.F32);
        var session = new DetectorSession(detector, _context);

        var detections = session.Detect(SeededImages.Create(1, 32)[0]);

        Assert.NotEmpty(detections);
        Assert.All(session.ClassLogits, v => Assert.True(float.IsFinite(v)));
        Assert.All(detections, d => Assert.InRange(d.ClassId, 0, Config.Classes - 1));
        Assert.All(detections, d => Assert.True(d.Box.XMin >= 0 && d.Box.YMin >= 0 && d.Box.XMax <= 1 && d.Box.YMax <= 1));
        Assert.Equal(detections.Select(d => d.Score).OrderDescending(), detections.Select(d => d.Score));
    }

    [Theory]
    [InlineData(VisionPrecision.F16, 40.0)]
    [InlineData(VisionPrecision.Int8, 12.0)]
    public void RunHeads_ReducedPrecision_TracksTheF32Outputs(VisionPrecision precision, double minSqnrDb)
    {
        var reference = MobileNetDetector.Seeded(MobileNetConfig.Tiny, Config, VisionPrecision.F32);
        var image = SeededImages.Create(1, 32, seed: 3)[0];
        var expected = new DetectorSession(reference, _context);
        var actual = new DetectorSession(reference.WithPrecision(precision), _context);

        expected.RunHeads(image);
        actual.RunHeads(image);

        Assert.True(LogitComparison.SqnrDb([expected.ClassLogits, expected.BoxOffsets], [actual.ClassLogits, actual.BoxOffsets]) > minSqnrDb);
    }

    public void Dispose() => _context.Dispose();
}
