using System.Runtime.InteropServices;

namespace Measure.Sensors.Sampling;

/// <summary>
/// CPU time consumed by the calling thread (clock_gettime(CLOCK_THREAD_CPUTIME_ID), nanosecond
/// resolution) and by this process's finished child processes (getrusage(RUSAGE_CHILDREN)).
/// Null where the platform does not offer them.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;
    private const int RusageChildren = -1;

    public static TimeSpan? CurrentThread()
    {
        if (!OperatingSystem.IsLinux())
            return null;
        try
        {
            return clock_gettime(ClockThreadCpuTimeId, out var time) == 0
                ? TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100)
                : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    public static TimeSpan? FinishedChildren()
    {
        if (!OperatingSystem.IsLinux())
            return null;
        try
        {
            if (getrusage(RusageChildren, out var usage) != 0)
                return null;
            var micros = usage.UserSeconds * 1_000_000 + usage.UserMicroseconds + usage.SystemSeconds * 1_000_000 + usage.SystemMicroseconds;
            return TimeSpan.FromTicks(micros * 10);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // struct rusage on 64-bit Linux: two timevals then fourteen longs.
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

    [DllImport("libc", SetLastError = false)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int clock_gettime(int clockId, out Timespec time);

    [DllImport("libc", SetLastError = false)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int getrusage(int who, out Rusage usage);
}
