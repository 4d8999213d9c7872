using System.Diagnostics;

namespace Measure.Workloads;

/// <summary>The process's peak resident set so far (VmHWM on Linux), mapped weight pages included.</summary>
public static class PeakResidentMemory
{
    public static long Bytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }
}
