using Measure.Cli.Gate;
using Measure.Contracts;
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
    public void GatesSingleValue_DerivedFromCarriedSamples_OnlyWhenAsked()
    {
        var decode = new MetricDeclaration("decode_tokens_per_second", "tokens/s", MetricDirection.HigherIsBetter, MetricAggregation.Median, DerivedFrom: "token_latency");
        static bool Carried(string metric) => metric == "token_latency";

        Assert.False(GatePolicy.Parse([]).GatesSingleValue(decode, Carried));
        Assert.True(GatePolicy.Parse(["decode_tokens_per_second=0.1"]).GatesSingleValue(decode, Carried));
        Assert.True(GatePolicy.Parse([]).GatesSingleValue(decode, _ => false));
    }

    [Fact]
    public void GatesSingleValue_StandardDerivedMetricWithoutTheField_StillRecognised()
    {
        var legacy = StandardMetrics.WeightBandwidth with { DerivedFrom = null };

        Assert.False(GatePolicy.Parse([]).GatesSingleValue(legacy, metric => metric == "latency"));
    }

    [Fact]
    public void GatesSingleValue_AccuracyFigure_IsGated()
    {
        var top1 = new MetricDeclaration("top1_agreement", "ratio", MetricDirection.HigherIsBetter, MetricAggregation.Last);

        Assert.True(GatePolicy.Parse([]).GatesSingleValue(top1, _ => true));
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
