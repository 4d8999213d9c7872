using System.Diagnostics;

namespace Measure.Workloads.Llm.Benchmark;

/// <summary>
/// When one run's phases happened: <see cref="Stopwatch.GetTimestamp"/> readings (the agent's sampler
/// clock, so phases line up with sensor samples exactly) and the same instants in UTC. Prefill runs from
/// <see cref="PrefillStartTimestamp"/> (the first token chosen included), decode from
/// <see cref="DecodeStartTimestamp"/> to <see cref="EndTimestamp"/>.
/// </summary>
public sealed record LlmRunTimes(
    long PrefillStartTimestamp,
    long DecodeStartTimestamp,
    long EndTimestamp,
    DateTimeOffset PrefillStartUtc,
    DateTimeOffset DecodeStartUtc,
    DateTimeOffset EndUtc)
{
    // One anchor per process: every timestamp converts with the same offset, so UTC instants keep the
    // monotonic clock's order and spacing even if the wall clock is stepped during a run.
    private static readonly long AnchorTimestamp = Stopwatch.GetTimestamp();
    private static readonly DateTimeOffset AnchorUtc = DateTimeOffset.UtcNow;

    /// <summary>The run's marks from three <see cref="Stopwatch.GetTimestamp"/> readings.</summary>
    public static LlmRunTimes FromTimestamps(long prefillStart, long decodeStart, long end)
    {
        if (prefillStart > decodeStart || decodeStart > end)
        {
            throw new ArgumentException(
                $"timestamps must not go backwards: prefill {prefillStart}, decode {decodeStart}, end {end}", nameof(decodeStart));
        }

        return new LlmRunTimes(prefillStart, decodeStart, end, ToUtc(prefillStart), ToUtc(decodeStart), ToUtc(end));
    }

    /// <summary>A <see cref="Stopwatch.GetTimestamp"/> reading as UTC.</summary>
    public static DateTimeOffset ToUtc(long timestamp) =>
        AnchorUtc.AddTicks((long)Math.Round((timestamp - AnchorTimestamp) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
}
