using Measure.Workloads.Llm.Benchmark;

namespace Measure.Agent.Running.Llm;

/// <summary>
/// The LLM run protocol: a fixed number of warm-up generation runs, then measured runs (prefill a
/// prompt, decode greedily) until the minimum number of runs, the suite's minimum of decoded tokens
/// and its minimum duration are all reached. Each measured run is one benchmark call, so its prefill
/// and decode phases can be placed on the sampler's clock.
/// </summary>
public static class LlmRunLoop
{
    public const string PrefillPhase = "prefill";
    public const string DecodePhase = "decode";

    public sealed record Targets(int WarmupRuns, int MinRuns, int MinDecodedTokens, double MinSeconds);

    public sealed record Outcome(
        IReadOnlyList<LlmRunSample> Warmup,
        IReadOnlyList<LlmRunSample> Runs,
        IReadOnlyList<PhaseSpan> Phases,
        long WarmupStart,
        long MeasureStart,
        long MeasureEnd,
        long PeakResidentBytes)
    {
        public IReadOnlyList<double> TokenLatenciesMs => Runs.SelectMany(r => r.DecodeLatenciesMs).ToList();

        public int DecodedTokens => Runs.Sum(r => r.DecodeLatenciesMs.Count);
    }

    /// <param name="benchmark">Runs the given number of unrecorded warm-up runs, then exactly one measured run.</param>
    public static Outcome Run(Func<int, LlmBenchmarkResult> benchmark, Targets targets, IterationClock clock, IRunProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(progress);
        var warmupStart = clock.Now();
        IReadOnlyList<LlmRunSample> warmup = [];
        long peak = 0;
        if (targets.WarmupRuns > 0)
        {
            progress.Phase("warm-up");
            var result = benchmark(targets.WarmupRuns - 1);
            warmup = result.Runs;
            peak = result.PeakResidentBytes;
        }

        progress.Phase("timed");
        var runs = new List<LlmRunSample>();
        var phases = new List<PhaseSpan>();
        var measureStart = clock.Now();
        var tokens = 0;
        var elapsed = 0.0;
        while (runs.Count < targets.MinRuns || tokens < targets.MinDecodedTokens || elapsed < targets.MinSeconds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var callStart = clock.Now();
            var result = benchmark(0);
            var callEnd = clock.Now();
            var run = result.Runs[^1];
            phases.AddRange(PlacePhases(run, callStart, callEnd, clock));
            runs.Add(run);
            peak = Math.Max(peak, result.PeakResidentBytes);
            tokens += run.DecodeLatenciesMs.Count;
            elapsed = clock.SecondsBetween(measureStart, clock.Now());
            progress.Iterations(runs.Count, targets.MinRuns, elapsed, Remaining(runs.Count, tokens, elapsed, targets));
        }
        return new Outcome(warmup, runs, phases, warmupStart, measureStart, clock.Now(), peak);
    }

    /// <summary>
    /// The run's prefill and decode phases on the agent's clock: exactly where the benchmark timestamped them
    /// when it ran on the same monotonic clock; otherwise (a test clock) laid back from the call's return:
    /// decode ends there, prefill ends where decode starts, neither before the call started.
    /// </summary>
    public static IReadOnlyList<PhaseSpan> PlacePhases(LlmRunSample run, long callStart, long callEnd, IterationClock clock)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(clock);
        if (run.Times is { } times && ReferenceEquals(clock, IterationClock.Monotonic))
            return [new PhaseSpan(PrefillPhase, times.PrefillStartTimestamp, times.DecodeStartTimestamp), new PhaseSpan(DecodePhase, times.DecodeStartTimestamp, times.EndTimestamp)];
        long Ticks(double ms) => (long)Math.Round(ms * clock.TicksPerSecond / 1000.0);
        var decodeStart = Math.Max(callStart, callEnd - Ticks(run.DecodeLatenciesMs.Sum()));
        var prefillStart = Math.Max(callStart, decodeStart - Ticks(run.TimeToFirstTokenMs));
        return [new PhaseSpan(PrefillPhase, prefillStart, decodeStart), new PhaseSpan(DecodePhase, decodeStart, callEnd)];
    }

    /// <summary>Seconds until every target is met, at the pace so far.</summary>
    internal static double Remaining(int runs, int tokens, double elapsedSeconds, Targets targets)
    {
        var perRun = runs > 0 ? elapsedSeconds / runs : 0;
        var perToken = tokens > 0 ? elapsedSeconds / tokens : 0;
        return Math.Max(Math.Max(Math.Max(0, targets.MinRuns - runs) * perRun, Math.Max(0, targets.MinDecodedTokens - tokens) * perToken),
            Math.Max(0, targets.MinSeconds - elapsedSeconds));
    }
}
