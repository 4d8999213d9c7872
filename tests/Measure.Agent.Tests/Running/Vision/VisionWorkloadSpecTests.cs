using Measure.Agent.Running;
using Measure.Agent.Running.Vision;
using Measure.Agent.Suites;
using Measure.Workloads.Vision.Model;

namespace Measure.Agent.Tests.Running.Vision;

public sealed class VisionWorkloadSpecTests
{
    private static VisionWorkloadSpec Parse(string kind, string parameters, string precision = "f32", int? threads = 1)
    {
        var suite = SuiteParser.Parse($$"""
            suite: v
            version: 1
            rules: {warmup_iterations: 0, iterations: 1}
            workloads:
              - kind: {{kind}}
                precisions: [{{precision}}]
                params: {{{parameters}}}
            """, "v.yaml");
        return VisionWorkloadSpec.Parse(new WorkloadParameters(suite, suite.Workloads[0]), kind, precision, threads);
    }

    [Fact]
    public void Parse_NoParameters_StandardMobileNetV2At224WithDefaults()
    {
        var spec = Parse(VisionWorkloadSpec.ClassifierKind, "", "int8", threads: null);

        Assert.Equal(VisionTask.Classifier, spec.Task);
        Assert.Equal("standard", spec.ConfigName);
        Assert.Equal(224, spec.Config.Resolution);
        Assert.Equal(1.0, spec.Config.WidthMultiplier);
        Assert.Equal(1000, spec.Classes);
        Assert.Equal(VisionPrecision.Int8, spec.Precision);
        Assert.Equal(Environment.ProcessorCount, spec.Threads);
        Assert.Equal((1, 8), (spec.Batch, spec.AccuracyImages));
        Assert.Equal("mobilenetv2-1.0-224", spec.ModelName);
    }

    [Fact]
    public void Parse_TinyDetectorReshaped_KeepsTinyStagesWithGivenShape()
    {
        var spec = Parse(VisionWorkloadSpec.DetectorKind, "config: tiny, width: 0.5, resolution: 64, classes: 3, batch: 2, accuracy_images: 0, seed: 9", "f16");

        Assert.Equal(VisionTask.Detector, spec.Task);
        Assert.Equal((64, 0.5), (spec.Config.Resolution, spec.Config.WidthMultiplier));
        Assert.Equal(3, spec.Classes);
        Assert.Equal(3, spec.Detector!.Classes);
        Assert.Equal((2, 0, 9UL), (spec.Batch, spec.AccuracyImages, spec.Seed));
        Assert.Equal("ssdlite-mobilenetv2-0.5-64", spec.ModelName);
    }

    [Theory]
    [InlineData("config: huge", "params.config")]
    [InlineData("width: 0", "params.width")]
    [InlineData("resolution: 16", "params.resolution")]
    [InlineData("batch: 0", "params.batch")]
    [InlineData("rows: 4", "params.rows")]
    public void Parse_BadParameter_ErrorNamesFileLineAndKey(string parameters, string key)
    {
        var error = Assert.Throws<SuiteFormatException>(() => Parse(VisionWorkloadSpec.ClassifierKind, parameters));

        Assert.StartsWith($"v.yaml:5: '{key}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LlmPrecision_RejectedNamingTheKnownOnes()
    {
        var error = Assert.Throws<SuiteFormatException>(() => Parse(VisionWorkloadSpec.DetectorKind, "config: tiny", "q8_0"));

        Assert.Contains("f32, f16, int8", error.Message, StringComparison.Ordinal);
    }
}
