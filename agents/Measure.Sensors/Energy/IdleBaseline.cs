using Measure.Sensors.Power;

namespace Measure.Sensors.Energy;

/// <summary>The mean power of the device doing nothing, measured before the workload on the same source.</summary>
public sealed record IdleBaseline(double Watts, double DurationSeconds, PowerSourceInfo Source);
