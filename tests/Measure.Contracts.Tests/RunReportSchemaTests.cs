using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.Contracts.Tests;

public class RunReportSchemaTests
{
    private static readonly string SchemaPath = RepoPaths.Combine("src", "Measure.Contracts", "Schemas", $"run-report.v{ProtocolVersion.RunReportSchema}.schema.json");

    /// <summary>
    /// The checked-in schema is what tools outside .NET read; it must be exactly what the contracts
    /// generate. Set MEASURE_UPDATE_SCHEMA=1 to rewrite it after an intended contract change.
    /// </summary>
    [Fact]
    public void CheckedInSchema_MatchesContracts()
    {
        var generated = MeasureJson.RunReportSchema();
        if (Environment.GetEnvironmentVariable("MEASURE_UPDATE_SCHEMA") == "1")
            File.WriteAllText(SchemaPath, generated);

        Assert.True(File.Exists(SchemaPath), $"Missing {SchemaPath}; run the tests once with MEASURE_UPDATE_SCHEMA=1.");
        Assert.Equal(generated, File.ReadAllText(SchemaPath));
    }

    [Fact]
    public void Schema_RequiresTheFingerprintFields()
    {
        var schema = MeasureJson.RunReportSchema();

        foreach (var field in new[] { "\"runId\"", "\"cpuModel\"", "\"isaFeatures\"", "\"contentHash\"", "\"samples\"" })
            Assert.Contains(field, schema, StringComparison.Ordinal);
    }
}
