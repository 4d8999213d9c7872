using Measure.Agent.Reporting;
using Measure.Contracts;
using Measure.Sensors.IO;
using Measure.Sensors.Memory;

namespace Measure.Agent.Running;

/// <summary>
/// Makes each workload's peak resident set its own: before a workload is created the previous one's memory is
/// collected and returned to the system and VmHWM is reset, so a small model after a large one does not report
/// the large one's peak. Where the reset is impossible the figure says it is the agent's lifetime peak.
/// </summary>
internal static class WorkloadPeakMemory
{
    /// <summary>True when the peak was reset (the next VmHWM reading belongs to the workload about to start).</summary>
    public static bool Begin()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return ProcessMemory.TryResetPeak(SysRoot.Host);
    }

    /// <summary>States in the peak figure's source which window it covers.</summary>
    public static MetricValue Describe(MetricValue value, bool ownPeak) =>
        value.Metric != LlmMetrics.PeakResidentMemory.Name || value.Value is null
            ? value
            : value with { Source = ownPeak ? $"{value.Source}, this workload only (VmHWM reset before it)" : $"{value.Source}, since the agent started (VmHWM cannot be reset here)" };
}
