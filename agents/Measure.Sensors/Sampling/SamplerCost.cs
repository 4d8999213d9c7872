namespace Measure.Sensors.Sampling;

/// <summary>
/// What sampling cost: the sampler thread's own CPU time against the wall time it ran, and the CPU
/// of the external commands it spawned (all finished child processes of this process in that time,
/// so an upper bound when the agent runs other commands concurrently).
/// </summary>
public sealed record SamplerCost(double RateHz, long Ticks, long MissedTicks, TimeSpan WallTime, TimeSpan? ThreadCpuTime, TimeSpan? ChildProcessCpuTime)
{
    /// <summary>The sampler thread's CPU as a fraction of one core (0.01 = 1 %), null when thread CPU time is unavailable.</summary>
    public double? ThreadFractionOfOneCore =>
        ThreadCpuTime is { } cpu && WallTime > TimeSpan.Zero ? cpu / WallTime : null;

    /// <summary>Thread plus spawned commands as a fraction of one core.</summary>
    public double? TotalFractionOfOneCore =>
        ThreadCpuTime is { } cpu && WallTime > TimeSpan.Zero ? (cpu + (ChildProcessCpuTime ?? TimeSpan.Zero)) / WallTime : null;

    public override string ToString() =>
        $"sampler at {RateHz:0.#} Hz: {Ticks} ticks ({MissedTicks} missed) over {WallTime.TotalSeconds:0.00} s; " +
        $"thread CPU {Format(ThreadCpuTime)} = {Percent(ThreadFractionOfOneCore)} of one core; " +
        $"commands CPU {Format(ChildProcessCpuTime)}; total {Percent(TotalFractionOfOneCore)}";

    private static string Format(TimeSpan? time) => time is { } t ? $"{t.TotalMilliseconds:0.0} ms" : "unavailable";

    private static string Percent(double? fraction) => fraction is { } f ? $"{f * 100:0.000} %" : "unavailable";
}
