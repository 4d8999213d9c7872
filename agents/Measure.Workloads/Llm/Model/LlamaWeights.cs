namespace Measure.Workloads.Llm.Model;

/// <summary>
/// Every weight of a Llama-family model. <see cref="Output"/> may be the same matrix as
/// <see cref="TokenEmbedding"/> (tied embeddings, as in Llama 3.2 1B/3B).
/// </summary>
public sealed record LlamaWeights(
    LlamaHyperParameters Parameters,
    WeightMatrix TokenEmbedding,
    IReadOnlyList<LlamaLayerWeights> Layers,
    float[] OutputNorm,
    WeightMatrix Output)
{
    public bool TiedOutput => ReferenceEquals(TokenEmbedding, Output);

    /// <summary>The precision of the block matrices (the one a run is labelled with).</summary>
    public WeightPrecision Precision => Layers[0].Query.Precision;

    /// <summary>
    /// Weight bytes one decoded token reads: every block matrix, the norms and the output matrix
    /// (the embedding table contributes one row). The roofline bound is bandwidth / this.
    /// </summary>
    public long BytesPerToken =>
        Layers.Sum(l => l.Matrices.Sum(m => m.ByteSize) + (4L * (l.AttentionNorm.Length + l.FeedForwardNorm.Length)))
        + (4L * OutputNorm.Length) + Output.ByteSize + (TokenEmbedding.ByteSize / TokenEmbedding.Rows);

    /// <summary>All weights stored, embedding table included once.</summary>
    public long TotalBytes =>
        Layers.Sum(l => l.Matrices.Sum(m => m.ByteSize) + (4L * (l.AttentionNorm.Length + l.FeedForwardNorm.Length)))
        + (4L * OutputNorm.Length) + TokenEmbedding.ByteSize + (TiedOutput ? 0 : Output.ByteSize);

    /// <summary>The same model with its matrices in <paramref name="precision"/>; matching matrices are shared, not copied.</summary>
    public LlamaWeights ConvertTo(WeightPrecision precision)
    {
        var embedding = TokenEmbedding.ConvertTo(precision);
        return this with
        {
            TokenEmbedding = embedding,
            Layers = Layers.Select(l => l.ConvertTo(precision)).ToList(),
            Output = TiedOutput ? embedding : Output.ConvertTo(precision),
        };
    }
}
