using Measure.Agent.Suites;

namespace Measure.Agent.Tests.Suites;

public sealed class SuitePreconditionsTests
{
    private const string Head = """
        suite: phone
        version: 1
        rules: {warmup_iterations: 0, iterations: 3}
        """;

    private const string Workloads = """
        workloads:
          - kind: gemv
            precisions: [f32]
            params: {rows: 8, cols: 8}
        """;

    private static string Yaml(string block) => $"{Head}\npreconditions:\n{block}\n{Workloads}";

    private static SuiteDefinition Parse(string block) => SuiteParser.Parse(Yaml(block), "phone.yaml");

    [Fact]
    public void Parse_FullBlock_EveryValueRead()
    {
        var suite = Parse("""
              screen_off: true
              airplane_mode: true
              brightness: 40        # fixed manual brightness 0-255
              min_battery_percent: 50
            """);

        Assert.Equal(new SuitePreconditions(ScreenOff: true, AirplaneMode: true, FixedBrightness: true, Brightness: 40, MinBatteryPercent: 50), suite.Preconditions);
        Assert.Equal("screen_off, airplane_mode, brightness=40, min_battery_percent=50", suite.Preconditions!.Describe());
    }

    [Fact]
    public void Parse_NoBlock_NullPreconditions()
    {
        var suite = SuiteParser.Parse($"{Head}\n{Workloads}", "phone.yaml");

        Assert.Null(suite.Preconditions);
        Assert.Null(SuitePreconditions.NotAppliedNote(suite));
    }

    [Fact]
    public void Parse_OnlyFalseValues_RequiresNothing()
    {
        var suite = Parse("  screen_off: false\n  fixed_brightness: false");

        Assert.Equal(new SuitePreconditions(ScreenOff: false, FixedBrightness: false), suite.Preconditions);
        Assert.False(suite.Preconditions!.RequiresAny);
        Assert.Null(SuitePreconditions.NotAppliedNote(suite));
    }

    [Theory]
    [InlineData("  screen: true", 5, "'screen'", "unknown key in preconditions")]
    [InlineData("  screen_off: yes", 5, "'screen_off'", "expected true or false")]
    [InlineData("  airplane_mode: 1", 5, "'airplane_mode'", "expected true or false")]
    [InlineData("  screen_off: true\n  brightness: 256", 6, "'brightness'", "from 0 to 255")]
    [InlineData("  brightness: -1", 5, "'brightness'", "from 0 to 255")]
    [InlineData("  min_battery_percent: 101", 5, "'min_battery_percent'", "from 0 to 100")]
    [InlineData("  min_battery_percent: half", 5, "'min_battery_percent'", "from 0 to 100")]
    [InlineData("  brightness: 40\n  fixed_brightness: false", 6, "'fixed_brightness'", "contradicts 'brightness'")]
    public void Parse_BadKeyOrValue_ErrorNamesFileLineAndKey(string block, int line, string key, string why)
    {
        var error = Assert.Throws<SuiteFormatException>(() => Parse(block));

        Assert.StartsWith($"phone.yaml:{line}: {key}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BlockNotAMapping_Rejected()
    {
        var error = Assert.Throws<SuiteFormatException>(() => SuiteParser.Parse($"{Head}\npreconditions: [screen_off]\n{Workloads}", "phone.yaml"));

        Assert.Contains("'preconditions': expected a mapping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentHash_OnlyThePreconditionsDiffer_HashesDiffer()
    {
        var relaxed = Parse("  min_battery_percent: 20");
        var strict = Parse("  min_battery_percent: 80");
        var again = Parse("  min_battery_percent: 80");

        Assert.NotEqual(relaxed.ContentHash, strict.ContentHash);
        Assert.Equal(strict.ContentHash, again.ContentHash);
    }

    [Fact]
    public void NotAppliedNote_SuiteRequiresState_LabelNamesWhatWasNotApplied()
    {
        var note = SuitePreconditions.NotAppliedNote(Parse("  airplane_mode: true\n  fixed_brightness: true"));

        Assert.Equal(SuitePreconditions.LabelKey, note!.Value.Key);
        Assert.StartsWith("not applied (airplane_mode, fixed_brightness)", note.Value.Value, StringComparison.Ordinal);
    }
}
