using System.Globalization;
using Measure.Sensors.Clocks;
using Measure.Sensors.Energy;
using Measure.Sensors.Sampling;

namespace Measure.Sensors.Throttling;

/// <summary>
/// Decides from a trace whether a window throttled, by three independent signs: the fastest core
/// held below its maximum clock, the Pi firmware's get_throttled bits, and a zone reaching its
/// throttling trip point. Pure: the same trace always gives the same verdict.
/// </summary>
/// <remarks>
/// The clock rule only makes sense under load (an idle core is clocked down by the governor, not
/// throttled), so pass the workload's timed window, not the idle one.
/// </remarks>
public static class ThrottleDetector
{
    private const ThrottledFlags LimitingNow = ThrottledFlags.ArmFrequencyCapped | ThrottledFlags.Throttled | ThrottledFlags.SoftTemperatureLimit;
    private const ThrottledFlags LimitingOccurred = ThrottledFlags.ArmFrequencyCappingOccurred | ThrottledFlags.ThrottlingOccurred | ThrottledFlags.SoftTemperatureLimitOccurred;

    public static ThrottleAssessment Assess(SensorTrace trace, PhaseWindow window, ThrottleCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(window);
        criteria ??= ThrottleCriteria.Default;
        var evidence = new List<ThrottleEvidence>();

        var clocks = trace.OfKind(SensorChannelKind.FrequencyKHz).Where(s => s.Channel.Limit > 0).ToArray();
        if (ClockEvidence(clocks, window, criteria) is { } clock)
            evidence.Add(clock);

        var underVoltage = false;
        var firmware = trace.OfKind(SensorChannelKind.ThrottleBits).ToArray();
        foreach (var series in firmware)
        {
            var (found, sawUnderVoltage) = FirmwareEvidence(series, window);
            underVoltage |= sawUnderVoltage;
            if (found is not null)
                evidence.Add(found);
        }

        var temperatures = trace.OfKind(SensorChannelKind.TemperatureCelsius).Where(s => s.Channel.Limit is not null).ToArray();
        foreach (var series in temperatures)
        {
            if (TemperatureEvidence(series, window, criteria) is { } hot)
                evidence.Add(hot);
        }

        var couldObserve = clocks.Length > 0 || firmware.Length > 0 || temperatures.Length > 0;
        return ThrottleAssessment.Create(window, evidence, underVoltage, couldObserve);
    }

    private static ThrottleEvidence? ClockEvidence(IReadOnlyList<ChannelSeries> cores, PhaseWindow window, ThrottleCriteria criteria)
    {
        if (cores.Count == 0)
            return null;
        // Cores sampled by one probe share their timestamps; compare them tick by tick.
        var reference = cores[0];
        var aligned = cores.Where(c => c.Timestamps.SequenceEqual(reference.Timestamps)).ToArray();
        var run = 0;
        long runStart = 0;
        for (var i = 0; i < reference.Count; i++)
        {
            var t = reference.Timestamps[i];
            if (t < window.Start || t > window.End)
                continue;
            var fastest = aligned.Select(c => c.Values[i] / c.Channel.Limit!.Value).Where(r => !double.IsNaN(r)).DefaultIfEmpty(double.NaN).Max();
            if (fastest < criteria.ClockRatio)
            {
                if (run++ == 0)
                    runStart = t;
                if (run >= criteria.ConsecutiveClockSamples)
                {
                    return new ThrottleEvidence("clock/cpu*", string.Create(CultureInfo.InvariantCulture,
                        $"the fastest core stayed below {criteria.ClockRatio:P0} of its maximum for {run} samples"), runStart);
                }
            }
            else
            {
                run = 0;
            }
        }
        return null;
    }

    private static (ThrottleEvidence? Evidence, bool UnderVoltage) FirmwareEvidence(ChannelSeries series, PhaseWindow window)
    {
        var underVoltage = false;
        ThrottledFlags? previous = null;
        for (var i = 0; i < series.Count; i++)
        {
            if (double.IsNaN(series.Values[i]))
                continue;
            var flags = (ThrottledFlags)(int)series.Values[i];
            var t = series.Timestamps[i];
            if (t < window.Start)
            {
                previous = flags;
                continue;
            }
            if (t > window.End)
                break;
            underVoltage |= flags.HasFlag(ThrottledFlags.UnderVoltage);
            // A "since boot" bit that appears during the window reveals an event between two samples.
            var newlyOccurred = previous is { } before && (flags & ~before & LimitingOccurred) != 0;
            if ((flags & LimitingNow) != 0 || newlyOccurred)
            {
                var what = (flags & LimitingNow) != 0 ? (flags & LimitingNow).ToString() : "limiting occurred between samples";
                return (new ThrottleEvidence(series.Channel.Name, $"firmware reported {what}", t), underVoltage || flags.HasFlag(ThrottledFlags.UnderVoltage));
            }
            previous = flags;
        }
        return (null, underVoltage);
    }

    private static ThrottleEvidence? TemperatureEvidence(ChannelSeries series, PhaseWindow window, ThrottleCriteria criteria)
    {
        var trip = series.Channel.Limit!.Value;
        for (var i = 0; i < series.Count; i++)
        {
            var t = series.Timestamps[i];
            if (t >= window.Start && t <= window.End && series.Values[i] >= trip - criteria.TripMarginCelsius)
            {
                return new ThrottleEvidence(series.Channel.Name, string.Create(CultureInfo.InvariantCulture,
                    $"reached {series.Values[i]:0.0} °C against a throttling point of {trip:0.0} °C"), t);
            }
        }
        return null;
    }
}
