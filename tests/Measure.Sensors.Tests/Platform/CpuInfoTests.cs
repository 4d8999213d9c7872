using Measure.Sensors.Platform;

namespace Measure.Sensors.Tests.Platform;

public sealed class CpuInfoTests
{
    [Fact]
    public void Parse_UnknownArmPart_NamesImplementerAndPart()
    {
        var info = CpuInfo.Parse("processor\t: 0\nCPU implementer\t: 0x51\nCPU part\t: 0x805\n");

        Assert.Equal("ARM implementer 0x51 part 0x805", info.ModelName);
        Assert.Equal(1, info.ProcessorCount);
    }

    [Fact]
    public void Parse_OnlyHardwareLine_FallsBackToHardware()
    {
        var info = CpuInfo.Parse("processor\t: 0\nmodel name\t: \nHardware\t: BCM2835\n");

        Assert.Equal("BCM2835", info.ModelName);
        Assert.Equal("BCM2835", info.SocName);
    }

    [Fact]
    public void Parse_EmptyText_HasNoModelAndNoProcessors()
    {
        var info = CpuInfo.Parse("");

        Assert.Null(info.ModelName);
        Assert.Equal(0, info.ProcessorCount);
    }
}
