using Measure.Workloads.Vision.Benchmark;
using Measure.Workloads.Vision.Detection;
using Measure.Workloads.Vision.Model;

namespace Measure.Workloads.Tests.Vision.Benchmark;

public sealed class VisionBenchmarkTests
{
    private static readonly MobileNetModel F32 = MobileNetModel.Seeded(MobileNetConfig.Tiny, VisionPrecision.F32);

    [Fact]
    public void RunClassifier_Int8_RecordsEveryImageAndScoresAgainstF32()
    {
        var options = new VisionBenchmarkOptions(Threads: 1, Batch: 3, WarmupIterations: 1, MeasuredIterations: 2, AccuracyImages: 4);

        var result = VisionBenchmark.RunClassifier(F32.WithPrecision(VisionPrecision.Int8), options);

        Assert.Equal("classifier", result.Workload);
        Assert.Equal("int8", result.Precision);
        Assert.Equal(6, result.PerImageLatenciesMs.Count);
        Assert.Equal(2, result.BatchLatenciesMs.Count);
        Assert.All(result.PerImageLatenciesMs, ms => Assert.True(ms > 0));
        Assert.True(result.LatencyP50Ms <= result.LatencyP90Ms && result.LatencyP90Ms <= result.LatencyP99Ms);
        Assert.True(result.BatchThroughputImagesPerSecond > 0);
        Assert.True(result.PeakResidentBytes > 0);
        Assert.Equal(32, result.ImageSize);
        Assert.Equal(4, result.Accuracy!.Images);
        Assert.InRange(result.Accuracy.Top1Agreement, 0, 1);
        Assert.True(result.Accuracy.OutputSqnrDb > 10);
    }

    [Fact]
    public void RunClassifier_F32_IsItsOwnReference()
    {
        var result = VisionBenchmark.RunClassifier(F32, new VisionBenchmarkOptions(WarmupIterations: 0, MeasuredIterations: 1, AccuracyImages: 2));

        Assert.Equal(1.0, result.Accuracy!.Top1Agreement);
        Assert.Null(result.Accuracy.OutputSqnrDb);
        Assert.Equal(F32.WeightBytes, result.WeightBytes);
    }

    [Fact]
    public void RunClassifier_NoAccuracyImages_LeavesAccuracyUnset() =>
        Assert.Null(VisionBenchmark.RunClassifier(F32, new VisionBenchmarkOptions(WarmupIterations: 0, MeasuredIterations: 1, AccuracyImages: 0)).Accuracy);

    [Fact]
    public void RunDetector_F16_ScoresAnchorsAgainstF32()
    {
        var detector = MobileNetDetector.Seeded(MobileNetConfig.Tiny, new DetectorConfig(Classes: 4), VisionPrecision.F16);

        var result = VisionBenchmark.RunDetector(detector, new VisionBenchmarkOptions(Batch: 2, WarmupIterations: 0, MeasuredIterations: 1, AccuracyImages: 2));

        Assert.Equal("detector", result.Workload);
        Assert.Equal(2, result.PerImageLatenciesMs.Count);
        Assert.True(result.Accuracy!.OutputSqnrDb > 40);
        Assert.True(result.Accuracy.Top1Agreement > 0.9);
    }

    [Fact]
    public void RunClassifier_WithLabels_ReportsDatasetTop1()
    {
        using var temp = new TempDirectory();
        var pixels = Enumerable.Range(0, 8 * 8 * 3).Select(i => (byte)(i * 5)).ToArray();
        File.WriteAllBytes(temp.File("a.ppm"), [.. System.Text.Encoding.ASCII.GetBytes("P6 8 8 255\n"), .. pixels]);
        File.WriteAllText(temp.File("labels.tsv"), "a.ppm\t3\n");

        var result = VisionBenchmark.RunClassifier(F32, new VisionBenchmarkOptions(WarmupIterations: 0, MeasuredIterations: 1, AccuracyImages: 1, LabelsPath: temp.File("labels.tsv")));

        Assert.True(result.Accuracy!.DatasetTop1Accuracy is 0.0 or 1.0);
        Assert.Null(result.Accuracy.DatasetMeanAveragePrecision);
    }

    [Fact]
    public void Options_ZeroBatch_ThrowsNamingBatch() =>
        Assert.Equal("Batch", Assert.Throws<ArgumentException>(() => new VisionBenchmarkOptions(Batch: 0).Validate()).ParamName);
}
