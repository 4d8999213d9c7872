using Measure.Agent.Suites;
using Measure.Contracts;

namespace Measure.Agent.Running;

/// <summary>
/// One concrete workload of a suite (kind, precision, thread count) as the runner sees it: measured
/// under the suite's rules, it returns its result and what the run analysis needs (the timed window,
/// its latency series, sub-phases such as prefill and decode).
/// </summary>
public interface ISuiteWorkload : IDisposable
{
    string Name { get; }
    string Precision { get; }
    string Isa { get; }
    int Threads { get; }

    WorkloadMeasurement Measure(RunRules rules, IterationClock clock, DeviceLimits? limits, IRunProgress progress, CancellationToken cancellationToken);
}
