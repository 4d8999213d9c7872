using FsCheck;
using FsCheck.Fluent;
using Measure.Sensors.Energy;
using Measure.Sensors.Sampling;
using static Measure.Sensors.Tests.SyntheticTrace;

namespace Measure.Sensors.Tests.Energy;

public sealed class TraceIntegralTests
{
    private static readonly long Hz = MonotonicClock.TicksPerSecond;

    [Fact]
    public void Trapezoid_LinearRampWithWindowBetweenSamples_IsExact()
    {
        var times = Times(0, 1, 0.1);
        var watts = times.Select(t => MonotonicClock.ToSeconds(t) * 4).ToArray();

        // ∫ 4t dt from 0.25 to 0.75 = 2 (0.75² − 0.25²) = 1 J; the edges fall between samples.
        Assert.Equal(1.0, TraceIntegral.Trapezoid(times, watts, At(0.25), At(0.75), Hz)!.Value, 9);
    }

    [Fact]
    public void Trapezoid_AnyConstantPowerAndWindow_IsPowerTimesDuration()
    {
        Prop.ForAll(
            Gen.Choose(1, 500).ToArbitrary(),
            Gen.Choose(0, 900).ToArbitrary(),
            Gen.Choose(1, 1000).ToArbitrary(),
            (wattsTimesTen, startMs, lengthMs) =>
            {
                var watts = wattsTimesTen / 10.0;
                var times = Times(0, 2, 0.1);
                var values = times.Select(_ => watts).ToArray();
                var start = At(startMs / 1000.0);
                var end = At((startMs + lengthMs) / 1000.0);
                var joules = TraceIntegral.Trapezoid(times, values, start, end, Hz)!.Value;
                return Math.Abs(joules - watts * MonotonicClock.SecondsBetween(start, end)) < 1e-9;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Trapezoid_UnreadableSampleInsideWindow_IsNull()
    {
        var times = Times(0, 1, 0.1);
        var watts = times.Select((_, i) => i == 5 ? double.NaN : 2.0).ToArray();

        Assert.Null(TraceIntegral.Trapezoid(times, watts, At(0.1), At(0.9), Hz));
        Assert.Equal(0.6, TraceIntegral.Trapezoid(times, watts, At(0.6), At(0.9), Hz)!.Value, 9);
    }

    [Fact]
    public void Trapezoid_WindowBeyondSamples_IsNull()
    {
        var times = Times(0, 1, 0.1);

        Assert.Null(TraceIntegral.Trapezoid(times, times.Select(_ => 1.0).ToArray(), At(0.5), At(1.5), Hz));
    }

    [Fact]
    public void CounterIncrease_InterpolatesAtBothEdges()
    {
        var times = Times(0, 1, 0.1);
        var joules = times.Select(t => 3 * MonotonicClock.ToSeconds(t)).ToArray();

        Assert.Equal(2.1, TraceIntegral.CounterIncrease(times, joules, At(0.15), At(0.85))!.Value, 9);
    }

    [Fact]
    public void Trapezoid_MismatchedLengths_ThrowsNamingValues()
    {
        var error = Assert.Throws<ArgumentException>(() => TraceIntegral.Trapezoid([0, 1], [1.0], 0, 1, Hz));
        Assert.Equal("values", error.ParamName);
    }
}
