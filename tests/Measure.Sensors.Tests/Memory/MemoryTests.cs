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
    public void ProcessMemory_RecordedTreeWithoutProc_IsUnknown()
    {
        Assert.Equal(new ProcessMemory(null, null), ProcessMemory.Read(RecordedDevice.Root(RecordedDevice.BareVm)));
    }
}
