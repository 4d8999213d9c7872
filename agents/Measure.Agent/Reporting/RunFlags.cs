namespace Measure.Agent.Reporting;

/// <summary>The flags a run or workload can raise: stable strings, read by dashboards and gates.</summary>
public static class RunFlags
{
    public const string Throttled = "throttled";
    public const string UnderVoltage = "under-voltage";
    public const string ThrottlingUnobservable = "throttling-unobservable";
    public const string EnergyUnavailable = "energy-unavailable";
    public const string EnergyUnreliable = "energy-unreliable";
    public const string Multimodal = "multimodal";
    public const string NotSteady = "not-steady";
    public const string CooldownTimedOut = "cooldown-timeout";
}
