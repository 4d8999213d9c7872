using Measure.Sensors.Commands;

namespace Measure.Sensors.Power;

/// <summary>
/// The Raspberry Pi 5 PMIC's ADC read through `vcgencmd pmic_read_adc`: per-rail current and
/// voltage, multiplied and summed. This misses the 5 V peripherals (USB, fan, HATs) and the
/// regulators' conversion losses, so it under-reads the wall power; it is reported as its own scope.
/// </summary>
public sealed class RaspberryPi5PmicSource : IPowerSource
{
    /// <summary>
    /// The ADC readings are coarse (the firmware does not document their accuracy) and light rails
    /// read a few mA of noise; we state ±10 % for the summed rails, not counting what the scope excludes.
    /// </summary>
    public const double RelativeUncertainty = 0.10;

    private static readonly string[] Arguments = ["pmic_read_adc"];
    private readonly ICommandRunner _runner;
    private readonly TimeSpan _timeout;

    private RaspberryPi5PmicSource(ICommandRunner runner, TimeSpan timeout)
    {
        _runner = runner;
        _timeout = timeout;
    }

    public PowerSourceInfo Info { get; } =
        new(PowerSourceKinds.RaspberryPi5Pmic, "PMIC rails", PowerScope.PmicRails, RelativeUncertainty, IsCumulativeCounter: false);

    public static (RaspberryPi5PmicSource? Source, string? UnavailableReason) TryOpen(ICommandRunner runner, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var source = new RaspberryPi5PmicSource(runner, timeout ?? TimeSpan.FromSeconds(2));
        var probe = source.Read();
        return probe.Status == PowerReadingStatus.Valid ? (source, null) : (null, probe.Reason);
    }

    public PowerReading Read()
    {
        var result = _runner.TryRun("vcgencmd", Arguments, _timeout);
        if (result is null)
            return PowerReading.Unavailable("vcgencmd is not installed or did not answer");
        if (!result.Succeeded)
            return PowerReading.Unavailable($"vcgencmd pmic_read_adc exited with {result.ExitCode} (not a Raspberry Pi 5?)");
        var report = PmicAdcReport.Parse(result.StandardOutput);
        return report.Rails.Count == 0
            ? PowerReading.Unavailable("vcgencmd pmic_read_adc printed no rail with both current and voltage")
            : PowerReading.Power(report.TotalWatts, report.Rails);
    }
}
