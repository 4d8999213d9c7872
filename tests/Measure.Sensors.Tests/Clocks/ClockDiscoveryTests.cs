using Measure.Sensors.Clocks;

namespace Measure.Sensors.Tests.Clocks;

public sealed class ClockDiscoveryTests
{
    [Fact]
    public void CpuCoreClock_RaspberryPi5_ReadsCappedClockAgainstMax()
    {
        var root = RecordedDevice.Root(RecordedDevice.RaspberryPi5);

        var cores = CpuCoreClock.Discover(root);

        Assert.Equal(4, cores.Count);
        Assert.All(cores, c => Assert.Equal(2_400_000, c.MaxKHz));
        Assert.Equal(1_500_000, cores[2].ReadCurrentKHz(root));
    }

    [Fact]
    public void CpuCoreClock_AndroidPhone_OrdersCoresNumerically()
    {
        var cores = CpuCoreClock.Discover(RecordedDevice.Root(RecordedDevice.AndroidPhone));

        Assert.Equal(Enumerable.Range(0, 8), cores.Select(c => c.Core));
        Assert.Equal(3_187_200, cores[7].MaxKHz);
    }

    [Fact]
    public void CpuCoreClock_BareVm_FindsNone()
    {
        Assert.Empty(CpuCoreClock.Discover(RecordedDevice.Root(RecordedDevice.BareVm)));
    }

    [Fact]
    public void DevfreqClock_JetsonOrinNano_FindsGpu()
    {
        var root = RecordedDevice.Root(RecordedDevice.JetsonOrinNano);

        var gpu = Assert.Single(DevfreqClock.Discover(root));

        Assert.Equal(DevfreqRole.Gpu, gpu.Role);
        Assert.Equal(624_750_000, gpu.MaxHz);
        Assert.Equal(624_750_000, gpu.ReadCurrentHz(root));
    }

    [Fact]
    public void NvpmodelMode_ToolAnswers_UsesNameAndId()
    {
        var runner = CannedCommandRunner.Single("nvpmodel -q", "NV Fan Mode:quiet\nNV Power Mode: 15W\n0\n");

        var mode = NvpmodelMode.Read(runner, RecordedDevice.Root(RecordedDevice.JetsonOrinNano));

        Assert.Equal(new NvpmodelMode(0, "15W"), mode);
    }

    [Fact]
    public void NvpmodelMode_NoTool_FallsBackToStatusFile()
    {
        var mode = NvpmodelMode.Read(new CannedCommandRunner(new Dictionary<string, Sensors.Commands.CommandResult>()), RecordedDevice.Root(RecordedDevice.JetsonOrinNano));

        Assert.Equal(new NvpmodelMode(0, null), mode);
    }

    [Fact]
    public void NvpmodelMode_NotAJetson_IsNull()
    {
        Assert.Null(NvpmodelMode.Read(new CannedCommandRunner(new Dictionary<string, Sensors.Commands.CommandResult>()), RecordedDevice.Root(RecordedDevice.BareVm)));
    }
}
