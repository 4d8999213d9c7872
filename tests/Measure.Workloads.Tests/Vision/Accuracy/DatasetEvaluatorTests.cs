using System.Text;
using Measure.Kernels.Threading;
using Measure.Workloads.Vision.Accuracy;
using Measure.Workloads.Vision.Detection;
using Measure.Workloads.Vision.Images;
using Measure.Workloads.Vision.Model;

namespace Measure.Workloads.Tests.Vision.Accuracy;

public sealed class DatasetEvaluatorTests : IDisposable
{
    private readonly KernelContext _context = new(1);
    private readonly TempDirectory _temp = new();

    [Fact]
    public void ClassifierTop1_LabelsMatchingThreeOfFourPredictions_IsThreeQuarters()
    {
        var model = MobileNetModel.Seeded(MobileNetConfig.Tiny, VisionPrecision.F32);
        var session = new MobileNetSession(model, _context);
        var labels = new StringBuilder("# file\tclass\n");
        for (int i = 0; i < 4; i++)
        {
            var name = $"img{i}.ppm";
            var image = Picture(i);
            File.WriteAllBytes(_temp.File(name), Ppm(image));
            int predicted = LogitComparison.ArgMax(session.Classify(ImagePreprocessor.ToTensor(image, 32)));
            labels.Append(name).Append('\t').Append(i == 3 ? (predicted + 1) % 10 : predicted).Append('\n');
        }

        File.WriteAllText(_temp.File("labels.tsv"), labels.ToString());

        Assert.Equal(0.75, DatasetEvaluator.ClassifierTop1(model, _temp.File("labels.tsv"), _context));
    }

    [Fact]
    public void ReadDetection_PixelBoxes_AreNormalizedByImageSize()
    {
        File.WriteAllBytes(_temp.File("a.ppm"), Ppm(new RgbImage(40, 20, new byte[40 * 20 * 3])));
        File.WriteAllText(_temp.File("boxes.tsv"), "a.ppm\t2\t4\t2\t20\t10\na.ppm\t0\t0\t0\t40\t20\n");

        var image = Assert.Single(LabelFile.ReadDetection(_temp.File("boxes.tsv")));

        Assert.Equal([new GroundTruthBox(2, new BoundingBox(0.1f, 0.1f, 0.5f, 0.5f)), new GroundTruthBox(0, new BoundingBox(0, 0, 1, 1))], image.Boxes);
    }

    [Fact]
    public void DetectorMeanAveragePrecision_SeededDetector_IsAFraction()
    {
        var detector = MobileNetDetector.Seeded(MobileNetConfig.Tiny, new DetectorConfig(Classes: 3, ScoreThreshold: 0.01f), VisionPrecision.F32);
        File.WriteAllBytes(_temp.File("a.ppm"), Ppm(Picture(1)));
        File.WriteAllText(_temp.File("boxes.tsv"), "a.ppm\t1\t0\t0\t32\t32\n");

        Assert.InRange(DetectorMeanAveragePrecision(detector), 0.0, 1.0);
    }

    [Theory]
    [InlineData("a.ppm\n", "expected 2 tab-separated fields")]
    [InlineData("a.ppm\tcat\n", "class 'cat'")]
    public void ReadClassification_BadLine_NamesFileAndLine(string content, string problem)
    {
        File.WriteAllText(_temp.File("labels.tsv"), "# header\n" + content);

        var error = Assert.Throws<DatasetFormatException>(() => LabelFile.ReadClassification(_temp.File("labels.tsv")));

        Assert.Equal(2, error.Line);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDetection_InvertedBox_NamesTheLine()
    {
        File.WriteAllText(_temp.File("boxes.tsv"), "a.ppm\t0\t10\t0\t5\t5\n");

        Assert.Equal(1, Assert.Throws<DatasetFormatException>(() => LabelFile.ReadDetection(_temp.File("boxes.tsv"))).Line);
    }

    [Fact]
    public void ClassifierTop1_MissingImage_ThrowsNamingTheImage()
    {
        File.WriteAllText(_temp.File("labels.tsv"), "absent.png\t1\n");
        var model = MobileNetModel.Seeded(MobileNetConfig.Tiny, VisionPrecision.F32);

        var error = Assert.Throws<ImageFormatException>(() => DatasetEvaluator.ClassifierTop1(model, _temp.File("labels.tsv"), _context));

        Assert.EndsWith("absent.png", error.FilePath, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _context.Dispose();
        _temp.Dispose();
    }

    private double DetectorMeanAveragePrecision(MobileNetDetector detector) =>
        DatasetEvaluator.DetectorMeanAveragePrecision(detector, _temp.File("boxes.tsv"), _context);

    private static RgbImage Picture(int seed)
    {
        var pixels = new byte[48 * 40 * 3];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)((i * (seed + 3) * 7) + (i / 144 * seed * 29));
        }

        return new RgbImage(48, 40, pixels);
    }

    private static byte[] Ppm(RgbImage image) =>
        Encoding.ASCII.GetBytes($"P6\n{image.Width} {image.Height}\n255\n").Concat(image.Pixels).ToArray();
}
