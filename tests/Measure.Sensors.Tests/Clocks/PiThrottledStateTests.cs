using Measure.Sensors.Clocks;

namespace Measure.Sensors.Tests.Clocks;

public sealed class PiThrottledStateTests
{
    [Fact]
    public void Parse_0x50005_IsUnderVoltageAndThrottledNowAndSinceBoot()
    {
        var state = PiThrottledState.Parse("throttled=0x50005\n")!;

        Assert.Equal(
            ThrottledFlags.UnderVoltage | ThrottledFlags.Throttled | ThrottledFlags.UnderVoltageOccurred | ThrottledFlags.ThrottlingOccurred,
            state.Flags);
        Assert.True(state.UnderVoltageNow);
        Assert.True(state.LimitedNow);
        Assert.True(state.AnyOccurredSinceBoot);
    }

    [Theory]
    [InlineData("throttled=0x0", false, false, false)]
    [InlineData("throttled=0x2", false, true, false)]
    [InlineData("throttled=0x8", false, true, false)]
    [InlineData("throttled=0x1", true, false, false)]
    [InlineData("throttled=0x80000", false, false, true)]
    [InlineData("throttled=0xa0000", false, false, true)]
    public void Parse_EachBit_DecodesNowAndSinceBoot(string output, bool underVoltageNow, bool limitedNow, bool occurred)
    {
        var state = PiThrottledState.Parse(output)!;

        Assert.Equal(underVoltageNow, state.UnderVoltageNow);
        Assert.Equal(limitedNow, state.LimitedNow);
        Assert.Equal(occurred, state.AnyOccurredSinceBoot);
    }

    [Fact]
    public void Parse_SoftLimitSinceBootOnly_HasFlag()
    {
        Assert.Equal(ThrottledFlags.SoftTemperatureLimitOccurred, PiThrottledState.Parse("throttled=0x80000")!.Flags);
    }

    [Theory]
    [InlineData("")]
    [InlineData("throttled=")]
    [InlineData("throttled=0xZZ")]
    public void Parse_Garbage_ReturnsNull(string output) => Assert.Null(PiThrottledState.Parse(output));

    [Fact]
    public void Read_FakeVcgencmdOnPath_DecodesRecordedBits()
    {
        Assert.True(PiThrottledState.Read(FakeCommands.OnPath(RecordedDevice.RaspberryPi5))!.UnderVoltageNow);
    }
}
