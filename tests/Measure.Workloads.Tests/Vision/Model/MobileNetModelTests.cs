using Measure.Kernels.Threading;
using Measure.Workloads.Vision.Accuracy;
using Measure.Workloads.Vision.Model;

namespace Measure.Workloads.Tests.Vision.Model;

public sealed class MobileNetModelTests : IDisposable
{
    // One context per test: contexts serve one caller at a time and xunit runs classes in parallel.
    private readonly KernelContext _context = new(1);

    private static readonly MobileNetModel F32 = MobileNetModel.Seeded(MobileNetConfig.Tiny, VisionPrecision.F32);

    [Fact]
    public void Classify_SeededWeights_GivesFiniteLogitsWithAReasonableSpread()
    {
        var session = new MobileNetSession(F32, _context);
        var logits = SeededImages.Create(8, 32).Select(i => session.Classify(i)).ToList();

        Assert.All(logits, l => Assert.All(l, v => Assert.True(float.IsFinite(v))));
        foreach (var l in logits)
        {
            double mean = l.Average();
            double spread = Math.Sqrt(l.Average(v => (v - mean) * (v - mean)));
            Assert.InRange(spread, 0.02, 50); // neither vanished nor exploded through 17 blocks
        }

        Assert.True(logits.Select(l => LogitComparison.ArgMax(l)).Distinct().Count() >= 2, "different images should not all collapse to one class");
    }

    [Fact]
    public void Classify_SameSeed_IsDeterministicAndFreshSessionsAgree()
    {
        var image = SeededImages.Create(1, 32)[0];
        var again = MobileNetModel.Seeded(MobileNetConfig.Tiny, VisionPrecision.F32);

        var first = new MobileNetSession(F32, _context).Classify(image);
        var second = new MobileNetSession(again, _context).Classify(image);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Classify_OneAndTwoThreads_Agree()
    {
        var image = SeededImages.Create(1, 32, seed: 9)[0];
        using var one = new KernelContext(1);
        using var two = new KernelContext(2);

        var a = new MobileNetSession(F32, one).Classify(image);
        var b = new MobileNetSession(F32, two).Classify(image);

        Assert.True(LogitComparison.SqnrDb([a], [b]) > 100);
    }

    [Theory]
    [InlineData(VisionPrecision.F16, 40.0, 1.0)]
    [InlineData(VisionPrecision.Int8, 12.0, 0.6)]
    public void Classify_ReducedPrecision_TracksTheF32Reference(VisionPrecision precision, double minSqnrDb, double minAgreement)
    {
        var images = SeededImages.Create(8, 32);
        var candidate = F32.WithPrecision(precision);
        var reference = images.Select(i => new MobileNetSession(F32, _context).Classify(i)).ToList();
        var logits = images.Select(i => new MobileNetSession(candidate, _context).Classify(i)).ToList();

        Assert.True(LogitComparison.SqnrDb(reference, logits) > minSqnrDb);
        Assert.True(LogitComparison.Top1Agreement(reference, logits) >= minAgreement);
        Assert.True(candidate.WeightBytes < F32.WeightBytes);
    }

    [Fact]
    public void Classify_WrongImageSize_ThrowsNamingTheExpectedShape()
    {
        var session = new MobileNetSession(F32, _context);

        var error = Assert.Throws<ArgumentException>(() => session.Classify(new float[16 * 16 * 3]));

        Assert.Equal("image", error.ParamName);
        Assert.Contains("32 x 32 x 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeededWeights_AreBitIdenticalAcrossRunsAndDifferBySeed()
    {
        var layout = new MobileNetLayout(MobileNetConfig.Tiny);
        var a = SeededVisionWeights.ForClassifier(layout, 1);
        var b = SeededVisionWeights.ForClassifier(layout, 1);
        var c = SeededVisionWeights.ForClassifier(layout, 2);
        var stem = layout.Stem;

        Assert.Equal(a.Get(stem.WeightName, stem.WeightShape).Values, b.Get(stem.WeightName, stem.WeightShape).Values);
        Assert.NotEqual(a.Get(stem.WeightName, stem.WeightShape).Values, c.Get(stem.WeightName, stem.WeightShape).Values);
        // Pinned: the same first weights on every device and runtime (SplitMix64 seeded by FNV-1a of the name).
        Assert.Equal([0.386261702f, -0.263723612f], a.Get(stem.WeightName, stem.WeightShape).Values[..2]);
    }

    public void Dispose() => _context.Dispose();
}
