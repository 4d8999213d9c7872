using System.Text.Json.Serialization;

namespace Measure.Contracts;

/// <summary>
/// Declared once per metric; every table, plot, comparison and gate reads direction and unit from here.
/// </summary>
/// <param name="DerivedFrom">
/// The sampled metric this one is computed from (tokens/s from per-token latency, bandwidth from latency): a
/// gate that already tests those samples does not test this single value again on a bare threshold. Omitted
/// from the JSON when null, so reports without derived metrics keep their content hash.
/// </param>
public sealed record MetricDeclaration(
    string Name,
    string Unit,
    MetricDirection Direction,
    MetricAggregation Aggregation,
    string? Description = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DerivedFrom = null);

[JsonConverter(typeof(JsonStringEnumConverter<MetricDirection>))]
public enum MetricDirection
{
    [JsonStringEnumMemberName("lowerIsBetter")]
    LowerIsBetter,
    [JsonStringEnumMemberName("higherIsBetter")]
    HigherIsBetter,
}

/// <summary>How a metric's samples collapse into the one figure a table shows.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetricAggregation>))]
public enum MetricAggregation
{
    [JsonStringEnumMemberName("median")]
    Median,
    [JsonStringEnumMemberName("mean")]
    Mean,
    [JsonStringEnumMemberName("sum")]
    Sum,
    [JsonStringEnumMemberName("max")]
    Max,
    [JsonStringEnumMemberName("last")]
    Last,
}
