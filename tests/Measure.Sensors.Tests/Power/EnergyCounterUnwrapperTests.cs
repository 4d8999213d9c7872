using FsCheck;
using FsCheck.Fluent;
using Measure.Sensors.Power;

namespace Measure.Sensors.Tests.Power;

public sealed class EnergyCounterUnwrapperTests
{
    [Fact]
    public void Observe_CounterWrapsPastMaxRange_AddsTheWrappedPart()
    {
        var unwrapper = new EnergyCounterUnwrapper(maxRange: 1_000);
        unwrapper.Observe(900);

        var total = unwrapper.Observe(50);

        // 900 -> 1000 is 100, 1000 -> 0 is 1, 0 -> 50 is 50.
        Assert.Equal(151, total);
    }

    [Fact]
    public void Observe_ValueAboveMaxRange_ThrowsNamingRange()
    {
        var unwrapper = new EnergyCounterUnwrapper(maxRange: 1_000);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => unwrapper.Observe(1_001));
        Assert.Contains("[0, 1000]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_AnyIncrementsBelowRange_TotalEqualsSumOfIncrements()
    {
        Prop.ForAll(
            Gen.Choose(0, 999).ArrayOf().ToArbitrary(),
            Gen.Choose(0, 1000).ToArbitrary(),
            (increments, start) =>
            {
                const long range = 1_000;
                var unwrapper = new EnergyCounterUnwrapper(range);
                long raw = start;
                unwrapper.Observe(raw);
                foreach (var increment in increments)
                {
                    raw = (raw + increment) % (range + 1);
                    unwrapper.Observe(raw);
                }
                return unwrapper.Total == increments.Sum(i => (long)i);
            }).QuickCheckThrowOnFailure();
    }
}
