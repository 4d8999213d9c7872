namespace Measure.Sensors.Power;

/// <summary>The stable kind tags of power sources, as they appear in reports.</summary>
public static class PowerSourceKinds
{
    public const string Rapl = "rapl";
    public const string JetsonIna3221 = "jetson-ina3221";
    public const string RaspberryPi5Pmic = "rpi5-pmic";
    public const string AndroidFuelGauge = "android-fuel-gauge";
}
