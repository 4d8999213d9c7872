using Measure.Sensors.IO;
using Measure.Sensors.Power;

namespace Measure.Sensors.Tests.Power;

public sealed class RaplSourceTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("measure-rapl-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Read_CounterWrapsBetweenReads_CumulativeEnergyKeepsRising()
    {
        var zone = Directory.CreateDirectory(Path.Combine(_root.FullName, "sys/class/powercap/intel-rapl:0")).FullName;
        File.WriteAllText(Path.Combine(zone, "name"), "package-0\n");
        File.WriteAllText(Path.Combine(zone, "max_energy_range_uj"), "262143328850\n");
        File.WriteAllText(Path.Combine(zone, "energy_uj"), "262140000000\n");
        var (source, reason) = RaplSource.TryOpen(new SysRoot(_root.FullName), "/sys/class/powercap/intel-rapl:0");
        Assert.Null(reason);

        Assert.Equal(0.0, source!.Read().CumulativeJoules);
        File.WriteAllText(Path.Combine(zone, "energy_uj"), "6671149\n");

        // 3 328 850 uJ to the top, 1 uJ to wrap, 6 671 149 uJ after: exactly 10 J.
        Assert.Equal(10.0, source.Read().CumulativeJoules!.Value, 9);
    }

    [Fact]
    public void Read_CounterFileDisappears_ReturnsUnavailableNotZero()
    {
        var zone = Directory.CreateDirectory(Path.Combine(_root.FullName, "sys/class/powercap/intel-rapl:0")).FullName;
        File.WriteAllText(Path.Combine(zone, "max_energy_range_uj"), "1000\n");
        File.WriteAllText(Path.Combine(zone, "energy_uj"), "10\n");
        var (source, _) = RaplSource.TryOpen(new SysRoot(_root.FullName), "/sys/class/powercap/intel-rapl:0");
        File.Delete(Path.Combine(zone, "energy_uj"));

        var reading = source!.Read();

        Assert.Equal(PowerReadingStatus.Unavailable, reading.Status);
        Assert.Null(reading.CumulativeJoules);
        Assert.Null(reading.Watts);
    }
}
