namespace Measure.Sensors.Power;

/// <summary>
/// The provenance every energy figure carries: which sensor, what it covers and how far to trust it.
/// </summary>
/// <param name="Kind">Stable tag of the sensor family: see <see cref="PowerSourceKinds"/>.</param>
/// <param name="Name">Which instance, e.g. "package-0" or "VDD_IN".</param>
/// <param name="Scope">What part of the machine it measures.</param>
/// <param name="RelativeUncertainty">Documented relative uncertainty of one reading (0.05 = ±5 %).</param>
/// <param name="IsCumulativeCounter">True when readings are an energy counter (difference them), false when they are instantaneous power (integrate them).</param>
public sealed record PowerSourceInfo(string Kind, string Name, PowerScope Scope, double RelativeUncertainty, bool IsCumulativeCounter);
