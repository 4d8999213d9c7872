namespace Measure.Contracts;

/// <summary>One sensor's samples over the run, timestamped in seconds since the run started.</summary>
public sealed record SensorTrace(
    string Sensor,
    string Kind,
    string Unit,
    string Source,
    IReadOnlyList<double> TimesSeconds,
    IReadOnlyList<double> Values);
