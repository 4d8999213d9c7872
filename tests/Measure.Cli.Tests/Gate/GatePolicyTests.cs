using Measure.Cli.Gate;
using Measure.Statistics.Comparison;

namespace Measure.Cli.Tests.Gate;

public class GatePolicyTests
{
    [Fact]
    public void Parse_Nothing_UsesTheStatisticsDefault()
    {
        var policy = GatePolicy.Parse([]);
        Assert.Equal(ComparisonOptions.Default.PracticalThreshold, policy.For("latency").Value);
    }

    [Fact]
    public void Parse_DefaultAndPerMetric_AppliesEach()
    {
        var policy = GatePolicy.Parse(["0.03", "latency=5%", "kl_divergence=abs:0.01"]);
        Assert.Equal(0.03, policy.For("throughput").Value, 12);
        Assert.Equal(0.05, policy.For("latency").Value, 12);
        Assert.True(policy.For("kl_divergence").IsAbsolute);
        Assert.Equal(0.01, policy.SingleValueOptions("kl_divergence", lowerIsBetter: true).AbsoluteThreshold);
    }

    [Fact]
    public void RelativeFor_AbsoluteOnSampledMetric_IsRelativeToBaseline()
    {
        var policy = GatePolicy.Parse(["latency=abs:0.5"]);
        Assert.Equal(0.05, policy.RelativeFor("latency", 10), 12);
    }

    [Fact]
    public void GatesSingleValue_DerivedSpeedFigure_OnlyWhenAsked()
    {
        Assert.False(GatePolicy.Parse([]).GatesSingleValue("weight_bandwidth"));
        Assert.True(GatePolicy.Parse(["weight_bandwidth=0.1"]).GatesSingleValue("weight_bandwidth"));
        Assert.True(GatePolicy.Parse([]).GatesSingleValue("top1_agreement"));
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    [InlineData("=0.1")]
    [InlineData("abs:0.1")]
    [InlineData("latency=0.1,latency=0.2")]
    public void Parse_Malformed_ThrowsNamingTheOption(string spec)
    {
        var ex = Assert.Throws<ArgumentException>(() => GatePolicy.Parse([spec]));
        Assert.Contains("--threshold", ex.Message, StringComparison.Ordinal);
    }
}
