using Measure.Sensors.Thermal;

namespace Measure.Sensors.Tests.Thermal;

public sealed class VcgencmdTemperatureTests
{
    [Fact]
    public void Read_FakeVcgencmdOnPath_ParsesCelsius()
    {
        Assert.Equal(61.6, VcgencmdTemperature.Read(FakeCommands.OnPath(RecordedDevice.RaspberryPi5)));
    }

    [Theory]
    [InlineData("temp=48.3'C\n", 48.3)]
    [InlineData("temp=-5.0'C", -5.0)]
    public void Parse_ValidOutput_ReturnsCelsius(string output, double expected) =>
        Assert.Equal(expected, VcgencmdTemperature.Parse(output));

    [Theory]
    [InlineData("")]
    [InlineData("error=1 error_msg=\"Command not registered\"")]
    [InlineData("temp=abc'C")]
    public void Parse_Garbage_ReturnsNull(string output) => Assert.Null(VcgencmdTemperature.Parse(output));

    [Fact]
    public void Read_NoVcgencmd_ReturnsNull()
    {
        Assert.Null(VcgencmdTemperature.Read(new CannedCommandRunner(new Dictionary<string, Sensors.Commands.CommandResult>())));
    }
}
