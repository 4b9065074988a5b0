using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Site.Benchmarks.Search;

/// <summary>
/// CPU time of the calling thread (Linux: <c>CLOCK_THREAD_CPUTIME_ID</c>): what a step cost itself, however many other
/// processes share the cores. Elsewhere, wall time. Garbage collection on the GC's own threads is not in it.
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsCpuTime { get; } = OperatingSystem.IsLinux() && Probe();

    /// <summary>Now, in milliseconds of this thread's CPU time (or of wall time).</summary>
    public static double NowMilliseconds()
    {
        if (IsCpuTime && clock_gettime(ClockThreadCpuTimeId, out var time) == 0)
        {
            return (time.Seconds * 1_000.0) + (time.Nanoseconds / 1_000_000.0);
        }

        return Stopwatch.GetTimestamp() * 1_000.0 / Stopwatch.Frequency;
    }

    private static bool Probe()
    {
        try
        {
            return clock_gettime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int clock_gettime(int clock, out TimeSpec time);
}
