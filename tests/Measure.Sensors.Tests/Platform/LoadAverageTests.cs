using Measure.Sensors.IO;
using Measure.Sensors.Platform;

namespace Measure.Sensors.Tests.Platform;

public sealed class LoadAverageTests
{
    [Fact]
    public void OneMinute_ProcLoadavg_FirstField()
    {
        var root = Directory.CreateTempSubdirectory("measure-loadavg-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Join(root, "proc"));
            File.WriteAllText(Path.Join(root, "proc", "loadavg"), "3.25 2.10 1.05 3/456 7890\n");

            Assert.Equal(3.25, LoadAverage.OneMinute(new SysRoot(root)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void OneMinute_TreeWithoutProc_Unknown()
    {
        Assert.Null(LoadAverage.OneMinute(RecordedDevice.Root(RecordedDevice.BareVm)));
    }
}
