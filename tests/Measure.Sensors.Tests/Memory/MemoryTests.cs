using System.Runtime.InteropServices;
using Measure.Sensors.IO;
using Measure.Sensors.Memory;

namespace Measure.Sensors.Tests.Memory;

public sealed class MemoryTests
{
    [Fact]
    public void MemInfo_RecordedJetson_ReadsTotalAndAvailableInBytes()
    {
        var info = MemInfo.TryParse(RecordedDevice.Root(RecordedDevice.JetsonOrinNano).TryReadText("/proc/meminfo"));

        Assert.Equal(new MemInfo(7_620_500L * 1024, 6_350_184L * 1024), info);
    }

    [Fact]
    public void MemInfo_NoText_IsNull()
    {
        Assert.Null(MemInfo.TryParse(null));
        Assert.Null(MemInfo.TryParse("Threads: 4\n"));
    }

    [Fact]
    public void ProcessMemory_ThisProcess_PeakIsAtLeastCurrent()
    {
        var memory = ProcessMemory.Read(SysRoot.Host);

        Assert.True(memory.ResidentBytes > 0);
        Assert.True(memory.PeakResidentBytes >= memory.ResidentBytes);
    }

    [Fact]
    public void TryResetPeak_AfterABigBlockWasFreed_PeakFallsBackToTheCurrentResidentSet()
    {
        const int size = 256 << 20;
        var block = Marshal.AllocHGlobal(size);
        for (var i = 0; i < size; i += 4096)
            Marshal.WriteByte(block, i, 1);
        Marshal.FreeHGlobal(block); // malloc unmaps a block this large at once
        var before = ProcessMemory.Read(SysRoot.Host).PeakResidentBytes!.Value;

        var reset = ProcessMemory.TryResetPeak(SysRoot.Host);

        var after = ProcessMemory.Read(SysRoot.Host).PeakResidentBytes!.Value;
        Assert.True(reset);
        Assert.True(after < before - (128L << 20), $"peak {after} bytes after the reset, {before} before");
    }

    [Fact]
    public void TryResetPeak_TreeWithoutClearRefs_SaysItCannot()
    {
        Assert.False(ProcessMemory.TryResetPeak(RecordedDevice.Root(RecordedDevice.BareVm)));
    }

    [Fact]
    public void ProcessMemory_RecordedTreeWithoutProc_IsUnknown()
    {
        Assert.Equal(new ProcessMemory(null, null), ProcessMemory.Read(RecordedDevice.Root(RecordedDevice.BareVm)));
    }
}
