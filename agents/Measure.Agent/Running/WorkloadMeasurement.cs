using Measure.Contracts;

namespace Measure.Agent.Running;

/// <summary>
/// What measuring one workload produced: its result (samples and values), the timed window on the
/// iteration clock, the latency series that burst/sustained throughput and modality are read from,
/// and named sub-phases (prefill, decode) whose energy is reported per unit of work.
/// </summary>
/// <param name="TimedLatenciesMs">One entry per unit of work (a GEMV call, a decoded token, an image), in order.</param>
/// <param name="OperationsPerLatency">Arithmetic operations behind one entry of <paramref name="TimedLatenciesMs"/> (for GOP/s).</param>
/// <param name="WarmupCount">Warm-up units (iterations or runs) and, in <paramref name="WarmupSource"/>, how they were chosen.</param>
/// <param name="NotSteady">The warm-up budget ran out before the series settled.</param>
public sealed record WorkloadMeasurement(
    WorkloadResult Result,
    IReadOnlyList<double> TimedLatenciesMs,
    double OperationsPerLatency,
    long WarmupStart,
    long MeasureStart,
    long MeasureEnd,
    int WarmupCount,
    string WarmupSource,
    bool NotSteady,
    IReadOnlyList<PhaseSpan> Phases,
    IReadOnlyList<PhaseEnergyRequest> PhaseEnergies);

/// <summary>A sub-phase of the timed window on the iteration clock (one prefill, one decode...).</summary>
public sealed record PhaseSpan(string Name, long Start, long End);

/// <summary>Report the net energy of every span named <paramref name="Phase"/> divided by <paramref name="Units"/> as <paramref name="Metric"/>.</summary>
public sealed record PhaseEnergyRequest(string Phase, MetricDeclaration Metric, long Units, string UnitName);
