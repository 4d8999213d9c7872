using Measure.Workloads.Vision.Model;

namespace Measure.Workloads.Tests.Vision.Model;

public sealed class MobileNetLayoutTests
{
    [Fact]
    public void Standard_Width1_HasMobileNetV2Shape()
    {
        var layout = new MobileNetLayout(MobileNetConfig.Standard());

        Assert.Equal(17, layout.Blocks.Count);
        Assert.Equal(10, layout.Blocks.Count(b => b.HasResidual));
        Assert.Equal(7, layout.FinalSize);
        Assert.Equal(1280, layout.Head.OutChannels);
        Assert.Equal(320, layout.Head.InChannels);
        Assert.Equal(1000, layout.Classifier.OutChannels);
        Assert.InRange(layout.ParameterCount, 3_400_000, 3_550_000); // 3.5M in the paper, batch norm folded
        Assert.Null(layout.Blocks[0].Expand);
        Assert.Equal(96, layout.Blocks[1].Expand!.OutChannels);
    }

    [Theory]
    [InlineData(32, 1.0, 32)]
    [InlineData(32, 0.25, 8)]
    [InlineData(24, 0.5, 16)]
    [InlineData(160, 0.35, 56)]
    [InlineData(16, 0.35, 8)]
    [InlineData(320, 1.4, 448)]
    public void ScaleChannels_Width_RoundsToMultiplesOfEight(int channels, double width, int expected) =>
        Assert.Equal(expected, MobileNetConfig.ScaleChannels(channels, width));

    [Fact]
    public void Tiny_WidthQuarter_KeepsEveryBlockKindAndNames()
    {
        var layout = new MobileNetLayout(MobileNetConfig.Tiny);
        var names = layout.Convolutions.Select(c => c.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Contains("blocks.0.depthwise", names);
        Assert.Contains("blocks.16.project", names);
        Assert.Equal(1, layout.FinalSize);
        Assert.Contains(layout.Blocks, b => b.HasResidual);
    }

    [Fact]
    public void Validate_BadStride_ThrowsNamingStages()
    {
        var config = MobileNetConfig.Tiny with { Stages = [new InvertedResidualStage(6, 16, 1, 3)] };

        var error = Assert.Throws<ArgumentException>(() => new MobileNetLayout(config));

        Assert.Equal("Stages", error.ParamName);
    }

    [Fact]
    public void Validate_TooSmallResolution_ThrowsNamingResolution() =>
        Assert.Equal("Resolution", Assert.Throws<ArgumentException>(() => (MobileNetConfig.Tiny with { Resolution = 16 }).Validate()).ParamName);
}
