namespace Measure.Sensors.Platform;

/// <summary>The highest frequency a logical core may run at (cpufreq cpuinfo_max_freq), in kHz as the kernel reports it.</summary>
public sealed record CpuCoreMaxFrequency(int Core, long MaxKHz);
