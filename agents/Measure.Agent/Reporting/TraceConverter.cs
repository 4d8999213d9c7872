using System.Globalization;
using Measure.Sensors.Sampling;
using ContractTrace = Measure.Contracts.SensorTrace;

namespace Measure.Agent.Reporting;

/// <summary>
/// Sampler series to wire traces: times in seconds since the run's origin on the sampler clock,
/// unreadable ticks (NaN) dropped since JSON has no NaN and a gap is more honest than a made-up value.
/// </summary>
public static class TraceConverter
{
    public static IReadOnlyList<ContractTrace> ToContract(Measure.Sensors.Sampling.SensorTrace trace, long origin, long ticksPerSecond)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var result = new List<ContractTrace>();
        foreach (var series in trace.Series)
        {
            var times = new List<double>(series.Count);
            var values = new List<double>(series.Count);
            for (var i = 0; i < series.Count; i++)
            {
                var value = series.Values[i];
                var t = (series.Timestamps[i] - origin) / (double)ticksPerSecond;
                if (!double.IsFinite(value) || t < 0)
                    continue;
                times.Add(t);
                values.Add(value);
            }
            if (times.Count > 0)
                result.Add(new ContractTrace(series.Channel.Name, KindName(series.Channel.Kind), series.Channel.Unit, Source(series.Channel), times, values));
        }
        return result;
    }

    public static string KindName(SensorChannelKind kind) => kind switch
    {
        SensorChannelKind.PowerWatts => "power",
        SensorChannelKind.EnergyJoules => "energy",
        SensorChannelKind.PowerValidity => "power-validity",
        SensorChannelKind.TemperatureCelsius => "temperature",
        SensorChannelKind.FrequencyKHz => "cpu-clock",
        SensorChannelKind.FrequencyHz => "devfreq-clock",
        SensorChannelKind.ThrottleBits => "throttle-bits",
        SensorChannelKind.Bytes => "memory",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Source(SensorChannel channel) => channel.PowerSource is { } power
        ? string.Create(CultureInfo.InvariantCulture, $"{power.Kind}/{power.Name} ({power.Scope}, ±{power.RelativeUncertainty:P0})")
        : channel.Kind switch
        {
            SensorChannelKind.ThrottleBits => "vcgencmd get_throttled",
            _ => "sysfs",
        };
}
