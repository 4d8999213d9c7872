using Measure.Sensors.Energy;
using Measure.Sensors.Sampling;

namespace Measure.Sensors.Throttling;

/// <summary>Whether a window throttled, the evidence, and how long it ran before the first sign.</summary>
public sealed class ThrottleAssessment
{
    private ThrottleAssessment(PhaseWindow window, IReadOnlyList<ThrottleEvidence> evidence, bool underVoltage, bool hadEvidenceChannels)
    {
        Window = window;
        Evidence = evidence;
        UnderVoltage = underVoltage;
        CouldObserve = hadEvidenceChannels;
    }

    public PhaseWindow Window { get; }

    public IReadOnlyList<ThrottleEvidence> Evidence { get; }

    public bool Throttled => Evidence.Count > 0;

    /// <summary>The Pi firmware reported under-voltage: results are suspect even without throttling.</summary>
    public bool UnderVoltage { get; }

    /// <summary>False when the trace had no clock, thermal or firmware channel: "not throttled" then means "unknown".</summary>
    public bool CouldObserve { get; }

    public long? FirstThrottleTimestamp => Throttled ? Evidence.Min(e => e.FirstTimestamp) : null;

    /// <summary>Seconds from the window's start to the first sign of throttling (the soak's "time until throttling").</summary>
    public double? SecondsUntilThrottle => FirstThrottleTimestamp is { } first ? MonotonicClock.SecondsBetween(Window.Start, first) : null;

    public static ThrottleAssessment Create(PhaseWindow window, IReadOnlyList<ThrottleEvidence> evidence, bool underVoltage, bool couldObserve)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(evidence);
        return new ThrottleAssessment(window, evidence, underVoltage, couldObserve);
    }
}
