using Measure.Sensors.Power;

namespace Measure.Sensors.Tests.Power;

public sealed class PmicAdcReportTests
{
    [Fact]
    public void Parse_RecordedPi5Output_PairsRailsAndKeepsVoltageOnlyInputsApart()
    {
        var text = File.ReadAllText(Path.Combine(RecordedDevice.Folder(RecordedDevice.RaspberryPi5), "vcgencmd-output", "pmic_read_adc.txt"));

        var report = PmicAdcReport.Parse(text);

        Assert.Equal(12, report.Rails.Count);
        var core = report.Rails.Single(r => r.Label == "VDD_CORE");
        Assert.Equal(2.51838, core.Amperes, 9);
        Assert.Equal(0.7201342, core.Volts, 9);
        Assert.Equal(5.14944, report.VoltageOnly["EXT5V"], 9);
        Assert.Equal(0.0, report.VoltageOnly["BATT"]);
    }

    [Fact]
    public void Parse_OlderFirmwareFormat_IsUnderstood()
    {
        var report = PmicAdcReport.Parse("VDD_CORE_V=0.8750V\nVDD_CORE_A=2.0000A\n");

        Assert.Equal(1.75, Assert.Single(report.Rails).Watts, 12);
    }

    [Fact]
    public void Parse_ErrorOutput_HasNoRails()
    {
        Assert.Empty(PmicAdcReport.Parse("error=1 error_msg=\"Command not registered\"\n").Rails);
    }
}
