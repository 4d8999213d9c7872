namespace Measure.Sensors.Power;

/// <summary>A power-source family that is absent or unusable here, and why.</summary>
public sealed record UnavailablePowerSource(string Kind, string Reason);
