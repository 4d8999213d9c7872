using Measure.Agent.Commands;
using Measure.Agent.Tests.Fakes;

namespace Measure.Agent.Tests.Commands;

/// <summary>`run SUITE --weights/--image-labels/--images` refuses bad vision input before anything runs, in one line.</summary>
[Collection("Console")]
public sealed class RunCommandVisionTests
{
    private const string VisionSuite = """
        suite: vision
        version: 1
        rules: {warmup_iterations: 0, iterations: 2, idle_s: 0}
        workloads:
          - kind: vision-classifier
            precisions: [f32]
            threads: [1]
            params: {config: tiny, accuracy_images: 0}
        """;

    private static async Task<string> WriteSuite(TempStateDirectory temp, string text = VisionSuite)
    {
        var suite = Path.Join(temp.State.Path, "vision.yaml");
        await File.WriteAllTextAsync(suite, text);
        return suite;
    }

    private static void AssertOneLineExit2(ConsoleCapture.Outcome result, string mustName)
    {
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(mustName, line, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Run_TruncatedWeights_OneLineErrorNamingFileExit2()
    {
        using var temp = new TempStateDirectory();
        var suite = await WriteSuite(temp);
        var weights = VisionFixtures.WriteTinyClassifierWeights(temp.State.Path);
        var bytes = await File.ReadAllBytesAsync(weights);
        await File.WriteAllBytesAsync(weights, bytes[..(bytes.Length - 100)]);

        var result = await ConsoleCapture.RunAgent("run", suite, "--weights", weights, "--json", "--no-probe", "--state-dir", temp.State.Path);

        AssertOneLineExit2(result, weights);
    }

    [Fact]
    public async Task Run_WeightsOfAnotherShape_OneLineErrorNamingFileAndTensorExit2()
    {
        using var temp = new TempStateDirectory();
        var suite = await WriteSuite(temp, VisionSuite.Replace("config: tiny", "config: tiny, width: 0.5", StringComparison.Ordinal));
        var weights = VisionFixtures.WriteTinyClassifierWeights(temp.State.Path);

        var result = await ConsoleCapture.RunAgent("run", suite, "--weights", weights, "--json", "--no-probe", "--state-dir", temp.State.Path);

        AssertOneLineExit2(result, weights);
        Assert.Contains("shape", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LabelsWithoutWeights_Exit2()
    {
        using var temp = new TempStateDirectory();
        var suite = await WriteSuite(temp);

        var result = await ConsoleCapture.RunAgent("run", suite, "--image-labels", suite, "--json", "--no-probe", "--state-dir", temp.State.Path);

        AssertOneLineExit2(result, "--image-labels needs --weights");
    }

    [Fact]
    public async Task Run_DetectorWeightsWithoutDetector_Exit2()
    {
        using var temp = new TempStateDirectory();
        var suite = await WriteSuite(temp);
        var weights = VisionFixtures.WriteTinyClassifierWeights(temp.State.Path);

        var result = await ConsoleCapture.RunAgent("run", suite, "--detector-weights", weights, "--json", "--no-probe", "--state-dir", temp.State.Path);

        AssertOneLineExit2(result, "no vision-detector workload");
    }

    [Fact]
    public async Task Run_BadLabelLineWithImagesElsewhere_ErrorNamesTheOriginalLabelsFileAndLine()
    {
        using var temp = new TempStateDirectory();
        var suite = await WriteSuite(temp);
        var weights = VisionFixtures.WriteTinyClassifierWeights(temp.State.Path);
        var images = Directory.CreateDirectory(Path.Join(temp.State.Path, "images")).FullName;
        VisionFixtures.WritePpm(Path.Join(images, "a.ppm"), 32, 32, 1);
        var labels = Path.Join(temp.State.Path, "labels.tsv");
        await File.WriteAllLinesAsync(labels, ["# classes", "a.ppm\t3", "a.ppm\tcat"]);

        var result = await ConsoleCapture.RunAgent("run", suite, "--weights", weights, "--image-labels", labels, "--images", images, "--json", "--no-probe", "--state-dir", temp.State.Path);

        AssertOneLineExit2(result, $"{labels}:3: class 'cat'");
    }

    [Fact]
    public async Task Run_LabelledFileNotAnImage_OneLineErrorNamingTheImageExit2()
    {
        using var temp = new TempStateDirectory();
        var suite = await WriteSuite(temp);
        var weights = VisionFixtures.WriteTinyClassifierWeights(temp.State.Path);
        var image = Path.Join(temp.State.Path, "b.ppm");
        await File.WriteAllTextAsync(image, "not an image");
        var labels = Path.Join(temp.State.Path, "labels.tsv");
        await File.WriteAllLinesAsync(labels, ["b.ppm\t1"]);

        var result = await ConsoleCapture.RunAgent("run", suite, "--weights", weights, "--image-labels", labels, "--json", "--no-probe", "--state-dir", temp.State.Path);

        AssertOneLineExit2(result, image);
    }
}
