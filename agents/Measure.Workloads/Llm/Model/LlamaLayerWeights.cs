namespace Measure.Workloads.Llm.Model;

/// <summary>One decoder block: attention (Q, K, V, O) and the SwiGLU MLP (gate, up, down), each after an RMSNorm.</summary>
public sealed record LlamaLayerWeights(
    float[] AttentionNorm,
    WeightMatrix Query,
    WeightMatrix Key,
    WeightMatrix Value,
    WeightMatrix AttentionOutput,
    float[] FeedForwardNorm,
    WeightMatrix Gate,
    WeightMatrix Up,
    WeightMatrix Down)
{
    public IEnumerable<WeightMatrix> Matrices => [Query, Key, Value, AttentionOutput, Gate, Up, Down];

    public LlamaLayerWeights ConvertTo(WeightPrecision precision) => this with
    {
        Query = Query.ConvertTo(precision),
        Key = Key.ConvertTo(precision),
        Value = Value.ConvertTo(precision),
        AttentionOutput = AttentionOutput.ConvertTo(precision),
        Gate = Gate.ConvertTo(precision),
        Up = Up.ConvertTo(precision),
        Down = Down.ConvertTo(precision),
    };
}
