using Measure.Sensors.Commands;

namespace Measure.Sensors.Tests.Commands;

public sealed class ProcessCommandRunnerTests
{
    [Fact]
    public void TryRun_FakeVcgencmdOnPath_ReturnsItsOutput()
    {
        var runner = FakeCommands.OnPath(RecordedDevice.RaspberryPi5);

        var result = runner.TryRun("vcgencmd", ["measure_temp"], TimeSpan.FromSeconds(10));

        Assert.NotNull(result);
        Assert.True(result.Succeeded);
        Assert.Equal("temp=61.6'C\n", result.StandardOutput);
    }

    [Fact]
    public void TryRun_UnknownSubcommand_ReportsExitCode()
    {
        var result = FakeCommands.OnPath(RecordedDevice.RaspberryPi5).TryRun("vcgencmd", ["no_such_command"], TimeSpan.FromSeconds(10));

        Assert.NotNull(result);
        Assert.Equal(255, result.ExitCode);
    }

    [Fact]
    public void TryRun_ExecutableNotOnPath_ReturnsNull()
    {
        var runner = new ProcessCommandRunner(new Dictionary<string, string> { ["PATH"] = "/nonexistent" });

        Assert.Null(runner.TryRun("vcgencmd", ["measure_temp"], TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void TryRun_NonPositiveTimeout_ThrowsNamingTimeout()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ProcessCommandRunner.Default.TryRun("true", [], TimeSpan.Zero));
        Assert.Equal("timeout", error.ParamName);
    }
}
