using Measure.Sensors.Power;

namespace Measure.Sensors.Tests.Power;

public sealed class FuelGaugePowerTests
{
    [Theory]
    [InlineData(-500_000L)] // vendors that report discharge as negative
    [InlineData(500_000L)] // vendors that report discharge as positive
    public void From_DischargingEitherSign_GivesSamePositivePower(long currentMicroamps)
    {
        var reading = FuelGaugePower.From(currentMicroamps, 4_000_000, "Discharging", FuelGaugeUnits.Auto);

        Assert.Equal(PowerReadingStatus.Valid, reading.Status);
        Assert.Equal(2.0, reading.Watts!.Value, 12);
    }

    [Fact]
    public void From_MilliunitVendor_AutoDetectsFromVoltage()
    {
        var reading = FuelGaugePower.From(-500, 4_000, "Discharging", FuelGaugeUnits.Auto);

        Assert.Equal(2.0, reading.Watts!.Value, 12);
    }

    [Fact]
    public void From_ExplicitMilliUnits_OverridesDetection()
    {
        var reading = FuelGaugePower.From(500, 4_000, "Discharging", FuelGaugeUnits.Milli);

        Assert.Equal(2.0, reading.Watts!.Value, 12);
    }

    [Theory]
    [InlineData("Charging")]
    [InlineData("Full")]
    [InlineData("Not charging")]
    [InlineData(null)]
    public void From_NotDischarging_FlagsUnreliableWithReason(string? status)
    {
        var reading = FuelGaugePower.From(800_000, 4_200_000, status, FuelGaugeUnits.Auto);

        Assert.Equal(PowerReadingStatus.Unreliable, reading.Status);
        Assert.False(string.IsNullOrWhiteSpace(reading.Reason));
    }

    [Fact]
    public void From_ZeroVoltage_IsUnavailable()
    {
        Assert.Equal(PowerReadingStatus.Unavailable, FuelGaugePower.From(1, 0, "Discharging", FuelGaugeUnits.Auto).Status);
    }
}
