using Measure.Sensors.Sampling;

namespace Measure.Sensors.Energy;

/// <summary>A named interval on <see cref="MonotonicClock"/> (idle, prefill, decode, one image...).</summary>
public sealed record PhaseWindow
{
    public PhaseWindow(string name, long start, long end)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (end <= start)
            throw new ArgumentException($"Phase '{name}' ends ({end}) at or before it starts ({start}).", nameof(end));
        Name = name;
        Start = start;
        End = end;
    }

    public string Name { get; }

    public long Start { get; }

    public long End { get; }

    public double DurationSeconds => MonotonicClock.SecondsBetween(Start, End);
}
