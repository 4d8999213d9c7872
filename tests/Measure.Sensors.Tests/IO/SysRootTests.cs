using Measure.Sensors.IO;

namespace Measure.Sensors.Tests.IO;

public sealed class SysRootTests
{
    [Fact]
    public void Resolve_RelativePath_ThrowsArgumentExceptionNamingPath()
    {
        var error = Assert.Throws<ArgumentException>(() => SysRoot.Host.Resolve("proc/meminfo"));
        Assert.Contains("proc/meminfo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListEntries_NumberedNames_SortsNaturally()
    {
        var folder = Directory.CreateTempSubdirectory("measure-sysroot-");
        try
        {
            foreach (var name in new[] { "thermal_zone10", "thermal_zone2", "thermal_zone1", "cooling_device0" })
                Directory.CreateDirectory(Path.Combine(folder.FullName, "t", name));

            var entries = new SysRoot(folder.FullName).ListEntries("/t", "thermal_zone*");

            Assert.Equal(["/t/thermal_zone1", "/t/thermal_zone2", "/t/thermal_zone10"], entries);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void TryReadInt64_MissingOrGarbage_ReturnsNull()
    {
        var folder = Directory.CreateTempSubdirectory("measure-sysroot-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "garbage"), "n/a\n");
            File.WriteAllText(Path.Combine(folder.FullName, "negative"), "-1250\n");
            var root = new SysRoot(folder.FullName);

            Assert.Null(root.TryReadInt64("/missing"));
            Assert.Null(root.TryReadInt64("/garbage"));
            Assert.Equal(-1250, root.TryReadInt64("/negative"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
