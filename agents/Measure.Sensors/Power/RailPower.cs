namespace Measure.Sensors.Power;

/// <summary>One measured rail: its label, bus voltage, current and their product.</summary>
public sealed record RailPower(string Label, double Volts, double Amperes)
{
    public double Watts => Volts * Amperes;
}
