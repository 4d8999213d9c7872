using Measure.Agent.Running.Vision;
using Measure.Agent.Tests.Fakes;
using Measure.Workloads.Vision.Accuracy;

namespace Measure.Agent.Tests.Running.Vision;

public sealed class VisionDatasetTests
{
    [Fact]
    public void Open_ImagesBesideLabels_ReadsTheOriginalClassLabels()
    {
        using var temp = new TempStateDirectory();
        VisionFixtures.WritePpm(Path.Join(temp.State.Path, "a.ppm"), 8, 8, 1);
        var labels = Path.Join(temp.State.Path, "labels.tsv");
        File.WriteAllLines(labels, ["", "# comment", "a.ppm\t4"]);

        using var dataset = VisionDataset.Open(labels, temp.State.Path);

        Assert.Equal(VisionTask.Classifier, dataset.Task);
        Assert.Equal(labels, dataset.ReadablePath);
        Assert.Equal(1, dataset.Images);
    }

    [Fact]
    public void Open_ImagesElsewhere_RebasedCopyKeepsLinesAndIsDeletedOnDispose()
    {
        using var temp = new TempStateDirectory();
        var images = Directory.CreateDirectory(Path.Join(temp.State.Path, "images")).FullName;
        VisionFixtures.WritePpm(Path.Join(images, "a.ppm"), 20, 10, 1);
        var labels = Path.Join(temp.State.Path, "boxes.tsv");
        File.WriteAllLines(labels, ["# boxes", "a.ppm\t2\t1\t1\t10\t5", "a.ppm\t0\t0\t0\t4\t4"]);

        var dataset = VisionDataset.Open(labels, images);
        var copy = dataset.ReadablePath;
        var boxes = dataset.Read(LabelFile.ReadDetection);
        dataset.Dispose();

        Assert.Equal(VisionTask.Detector, dataset.Task);
        Assert.Equal(1, dataset.Images);
        Assert.NotEqual(labels, copy);
        Assert.Equal(Path.Join(images, "a.ppm"), Assert.Single(boxes).Path);
        Assert.Equal(2, boxes[0].Boxes.Count);
        Assert.False(File.Exists(copy));
    }

    [Theory]
    [InlineData("a.ppm\t1\t2", "labels.tsv:1: expected 2 tab-separated fields (file, class) or 6")]
    [InlineData("# only a comment", "labels.tsv:0: no labelled images")]
    public void Open_BadLabels_ErrorNamesFileAndLine(string content, string expected)
    {
        using var temp = new TempStateDirectory();
        var labels = Path.Join(temp.State.Path, "labels.tsv");
        File.WriteAllText(labels, content);

        var error = Assert.Throws<DatasetFormatException>(() => VisionDataset.Open(labels, null));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
