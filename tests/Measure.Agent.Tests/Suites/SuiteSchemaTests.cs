using System.Text.Json;
using Measure.Agent.Android.Running;
using Measure.Agent.Running;
using Measure.Agent.Suites;
using Measure.Tests.Shared;

namespace Measure.Agent.Tests.Suites;

/// <summary>suites/suite.schema.json and the strict parser must accept exactly the same keys; every shipped suite must be valid.</summary>
public sealed class SuiteSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("suites", "suite.schema.json"))).RootElement;

    private static string[] Keys(JsonElement objectSchema) =>
        [.. objectSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static string[] Sorted(IEnumerable<string> keys) => [.. keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Schema_TopLevelRulesWarmupCooldownWorkload_SameKeysAsParser()
    {
        var rules = Schema.GetProperty("properties").GetProperty("rules");
        var workload = Schema.GetProperty("$defs").GetProperty("workload");

        Assert.Equal(Sorted(SuiteParser.TopLevelKeys), Keys(Schema));
        Assert.Equal(Sorted(SuiteParser.RuleKeys), Keys(rules));
        Assert.Equal(Sorted(SuiteParser.WarmupKeys), Keys(rules.GetProperty("properties").GetProperty("warmup")));
        Assert.Equal(Sorted(SuiteParser.CooldownKeys), Keys(rules.GetProperty("properties").GetProperty("cooldown")));
        Assert.Equal(Sorted(SuiteParser.WorkloadKeys), Keys(workload));
        Assert.Equal(Sorted(SuitePreconditions.Keys), Keys(Schema.GetProperty("properties").GetProperty("preconditions")));
        Assert.All(new[] { Schema, rules, workload, Schema.GetProperty("properties").GetProperty("preconditions") }, s => Assert.False(s.GetProperty("additionalProperties").GetBoolean()));
    }

    [Fact]
    public void Schema_EveryKind_SameParametersAsTheAgentThatRunsIt()
    {
        // The bundled kinds run everywhere; llama-bench is the external engine the adb lab host runs on phones.
        var parameters = new Dictionary<string, IReadOnlyList<string>>(WorkloadFactory.ParameterKeys) { [LlamaBenchEngine.Kind] = LlamaBenchEngine.ParameterKeys };
        var workload = Schema.GetProperty("$defs").GetProperty("workload");
        var kinds = workload.GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(k => k.GetString()!).ToList();
        Assert.Equal(Sorted(parameters.Keys), Sorted(kinds));

        var perKind = workload.GetProperty("allOf").EnumerateArray().ToDictionary(
            branch => branch.GetProperty("if").GetProperty("properties").GetProperty("kind").GetProperty("const").GetString()!,
            branch => branch.GetProperty("then").GetProperty("properties").GetProperty("params"));
        foreach (var (kind, keys) in parameters)
        {
            Assert.Equal(Sorted(keys), Keys(perKind[kind]));
            Assert.False(perKind[kind].GetProperty("additionalProperties").GetBoolean());
        }
    }

    public static TheoryData<string> SuiteFiles() => [.. Directory.GetFiles(RepoPaths.Combine("suites"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(SuiteFiles))]
    public void ShippedSuite_ParsesAndEveryWorkloadValidates(string file)
    {
        var suite = SuiteParser.Load(RepoPaths.Combine("suites", file));

        WorkloadFactory.Validate(suite);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), suite.Id);
        Assert.Equal(64, suite.ContentHash.Length);
    }

    [Fact]
    public void StandardSuite_MlperfRules_AtLeast1024QueriesAnd60Seconds()
    {
        var suite = SuiteParser.Load(RepoPaths.Combine("suites", "standard.yaml"));

        Assert.True(suite.Rules.MinIterations >= 1024);
        Assert.True(suite.Rules.MinDurationSeconds >= 60);
    }

    [Fact]
    public void SoakSuite_EveryWorkloadSustainedTenMinutes()
    {
        var suite = SuiteParser.Load(RepoPaths.Combine("suites", "soak.yaml"));

        Assert.True(suite.Rules.MinDurationSeconds >= 600);
    }
}
