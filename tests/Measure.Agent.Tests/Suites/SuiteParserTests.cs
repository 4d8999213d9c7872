using Measure.Agent.Suites;

namespace Measure.Agent.Tests.Suites;

public sealed class SuiteParserTests
{
    private const string Workloads = """
        workloads:
          - kind: gemv
            precisions: [f32]
            params: {rows: 64, cols: 64}
        """;

    private static SuiteDefinition Parse(string rules) => SuiteParser.Parse($"suite: t\nversion: 1\nrules:\n{rules}\n{Workloads}", "t.yaml");

    [Fact]
    public void Parse_NewRules_AllValuesRead()
    {
        var suite = Parse("""
              warmup: {min: 4, max: 30, window: 6, tolerance: 0.05}
              min_iterations: 40
              min_duration_s: 2.5
              cooldown: {margin_c: 2, max_s: 45}
              idle_s: 3
              sample_hz: 20
            """);

        Assert.Equal(new WarmupRules(4, 30, 6, 0.05), suite.Rules.Warmup);
        Assert.Equal(40, suite.Rules.MinIterations);
        Assert.Equal(2.5, suite.Rules.MinDurationSeconds);
        Assert.Equal(new CooldownRules(2, 45), suite.Rules.Cooldown);
        Assert.Equal(3, suite.Rules.IdleSeconds);
        Assert.Equal(20, suite.Rules.SampleRateHz);
    }

    [Fact]
    public void Parse_SkeletonRules_FixedWarmupAndCount()
    {
        var suite = Parse("  warmup_iterations: 10\n  iterations: 60");

        Assert.Equal(new WarmupRules(10, 10), suite.Rules.Warmup);
        Assert.Equal(60, suite.Rules.MinIterations);
        Assert.Equal(0, suite.Rules.MinDurationSeconds);
    }

    [Fact]
    public void Parse_BothWarmupForms_ErrorNamesKeyAndLine()
    {
        var error = Assert.Throws<SuiteFormatException>(() => Parse("  warmup: {min: 1, max: 5}\n  warmup_iterations: 3\n  min_iterations: 5"));
        Assert.Contains("t.yaml:4", error.Message, StringComparison.Ordinal);
        Assert.Contains("'warmup'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MaxBelowMin_ErrorNamesMax()
    {
        var error = Assert.Throws<SuiteFormatException>(() => Parse("  warmup: {min: 8, max: 5}\n  min_iterations: 5"));
        Assert.Contains("'max'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownCooldownKey_Rejected()
    {
        var error = Assert.Throws<SuiteFormatException>(() => Parse("  warmup: {min: 1, max: 5}\n  min_iterations: 5\n  cooldown: {margin: 2}"));
        Assert.Contains("'margin'", error.Message, StringComparison.Ordinal);
        Assert.Contains("rules.cooldown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SampleRateAboveLimit_Rejected()
    {
        var error = Assert.Throws<SuiteFormatException>(() => Parse("  warmup: {min: 1, max: 5}\n  min_iterations: 5\n  sample_hz: 500"));
        Assert.Contains("100 Hz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NegativeDuration_Rejected()
    {
        var error = Assert.Throws<SuiteFormatException>(() => Parse("  warmup: {min: 1, max: 5}\n  min_iterations: 5\n  min_duration_s: -1"));
        Assert.Contains("'min_duration_s'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RepositoryQuickSuite_Parses()
    {
        var path = Path.Join(RepositoryRoot(), "suites", "quick.yaml");
        var suite = SuiteParser.Load(path);
        Assert.Equal("quick", suite.Id);
        Assert.True(suite.Rules.Warmup.Max >= suite.Rules.Warmup.Min);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Join(directory.FullName, "Measure.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Measure.sln not found above " + AppContext.BaseDirectory);
    }
}
