using Measure.Sensors.Power;

namespace Measure.Sensors.Sampling;

/// <summary>
/// One sampled quantity.
/// </summary>
/// <param name="Name">Stable name, e.g. "power/rapl/package-0", "thermal/thermal_zone0:cpu-thermal", "clock/cpu3".</param>
/// <param name="Unit">"W", "J", "°C", "kHz", "Hz", "B" or "bits".</param>
/// <param name="Kind">What the values mean.</param>
/// <param name="Limit">The value that marks limitation: a core's cpuinfo_max_freq, a zone's lowest throttling trip point; null when none.</param>
/// <param name="PowerSource">Provenance for power, energy and validity channels.</param>
public sealed record SensorChannel(string Name, string Unit, SensorChannelKind Kind, double? Limit = null, PowerSourceInfo? PowerSource = null);
