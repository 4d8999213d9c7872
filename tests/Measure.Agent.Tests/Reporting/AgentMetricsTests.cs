using Measure.Agent.Reporting;
using Measure.Contracts;

namespace Measure.Agent.Tests.Reporting;

public sealed class AgentMetricsTests
{
    [Fact]
    public void Catalog_EveryDeclaredMetric_OnceByName()
    {
        var declared = StandardMetrics.All.Concat(AgentMetrics.All).Concat(LlmMetrics.All).Concat(VisionMetrics.All).ToList();

        Assert.Equal(declared.Count, declared.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(declared.Select(m => m.Name), AgentMetrics.Catalog.Select(m => m.Name));
    }
}
