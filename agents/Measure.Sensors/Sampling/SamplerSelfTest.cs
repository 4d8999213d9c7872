using Measure.Sensors.Commands;
using Measure.Sensors.IO;

namespace Measure.Sensors.Sampling;

/// <summary>
/// Runs the sampler over everything discoverable on a machine for a while, with no workload, and
/// reports what sampling costs there (for `measure-agent probe` and for checking the 1 % budget).
/// </summary>
public static class SamplerSelfTest
{
    public static SamplerSelfTestResult Run(SysRoot root, ICommandRunner runner, SamplerOptions options, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var probes = SensorProbes.Discover(root, runner);
        using var sampler = new SensorSampler(probes.Probes, options);
        sampler.Start();
        Thread.Sleep(duration);
        sampler.Stop();
        return new SamplerSelfTestResult(probes.Channels.Select(c => c.Name).ToArray(), probes.Power.UnavailableReason, sampler.Cost());
    }
}

/// <summary>What the self-test sampled and what it cost.</summary>
public sealed record SamplerSelfTestResult(IReadOnlyList<string> Channels, string? PowerUnavailableReason, SamplerCost Cost)
{
    public override string ToString() =>
        $"{Channels.Count} channels ({string.Join(", ", Channels)}); power: {PowerUnavailableReason ?? "available"}; {Cost}";
}
