using Measure.Sensors.IO;
using Measure.Sensors.Platform;

namespace Measure.Sensors.Tests.Platform;

public sealed class PlatformInfoTests
{
    [Fact]
    public void Read_JetsonOrinNano_IdentifiesArmCoresBoardAndOs()
    {
        var info = PlatformInfo.Read(RecordedDevice.Root(RecordedDevice.JetsonOrinNano));

        Assert.Equal("Cortex-A78AE", info.CpuModel);
        Assert.Null(info.SocName);
        Assert.Equal(6, info.LogicalCores);
        Assert.Equal(Enumerable.Range(0, 6), info.CoreMaxFrequencies!.Select(f => f.Core));
        Assert.All(info.CoreMaxFrequencies!, f => Assert.Equal(1_510_400, f.MaxKHz));
        Assert.Equal(7_620_500L * 1024, info.TotalMemoryBytes);
        Assert.Equal("NVIDIA Jetson Orin Nano Developer Kit", info.BoardModel);
        Assert.Equal("Ubuntu 22.04.4 LTS", info.OsPrettyName);
        Assert.Equal("5.15.136-tegra", info.KernelRelease);
    }

    [Fact]
    public void Read_RaspberryPi5_ReadsDeviceTreeModelWithoutNulTerminator()
    {
        var info = PlatformInfo.Read(RecordedDevice.Root(RecordedDevice.RaspberryPi5));

        Assert.Equal("Cortex-A76", info.CpuModel);
        Assert.Equal(4, info.LogicalCores);
        Assert.Equal("Raspberry Pi 5 Model B Rev 1.0", info.BoardModel);
        Assert.Equal("Debian GNU/Linux 12 (bookworm)", info.OsPrettyName);
        Assert.Equal("6.6.31+rpt-rpi-2712", info.KernelRelease);
    }

    [Fact]
    public void Read_AndroidPhone_ListsEveryCoreTypeAndSocAndHasNoOsRelease()
    {
        var info = PlatformInfo.Read(RecordedDevice.Root(RecordedDevice.AndroidPhone));

        Assert.Equal("Cortex-A510 + Cortex-A715 + Cortex-A710 + Cortex-X3", info.CpuModel);
        Assert.Equal("Qualcomm Technologies, Inc KALAMA", info.SocName);
        Assert.Equal(8, info.LogicalCores);
        Assert.Equal(3_187_200, info.CoreMaxFrequencies!.Single(f => f.Core == 7).MaxKHz);
        Assert.Null(info.OsPrettyName);
        Assert.Null(info.BoardModel);
    }

    [Fact]
    public void Read_X86Server_UsesModelNameAndDmiBoard()
    {
        var info = PlatformInfo.Read(RecordedDevice.Root(RecordedDevice.X86Rapl));

        Assert.Equal("Intel(R) Xeon(R) Gold 6230R CPU @ 2.10GHz", info.CpuModel);
        Assert.Equal("Supermicro SYS-1029P-WTR", info.BoardModel);
        Assert.Equal(4, info.LogicalCores);
    }

    [Fact]
    public void Read_BareVm_LeavesUnreadableFieldsNull()
    {
        var info = PlatformInfo.Read(RecordedDevice.Root(RecordedDevice.BareVm));

        Assert.Equal("AMD EPYC 7B13", info.CpuModel);
        Assert.Equal(2, info.LogicalCores);
        Assert.Null(info.CoreMaxFrequencies);
        Assert.Null(info.BoardModel);
    }

    [Fact]
    public void Read_EmptyRoot_EverythingOptionalIsNull()
    {
        var empty = Directory.CreateTempSubdirectory("measure-empty-root-");
        try
        {
            var info = PlatformInfo.Read(new SysRoot(empty.FullName));

            Assert.Equal(new PlatformInfo(null, null, null, null, null, null, null, null), info);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void Read_Host_DoesNotThrow()
    {
        var info = PlatformInfo.Read(SysRoot.Host);

        Assert.NotNull(info.KernelRelease);
        Assert.True(info.LogicalCores > 0);
    }
}
