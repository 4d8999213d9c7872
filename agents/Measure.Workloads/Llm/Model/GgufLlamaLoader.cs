using Measure.Workloads.Gguf;

namespace Measure.Workloads.Llm.Model;

/// <summary>
/// Maps the tensors of a llama GGUF file onto <see cref="LlamaWeights"/>, checking every shape against
/// the hyper-parameters. Matrices view the mapping in place; only the small norm vectors are copied.
/// </summary>
public static class GgufLlamaLoader
{
    public static LlamaWeights Load(GgufFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var vocabularyFromTensors = file.TryGetTensor("token_embd.weight", out var embd) ? (int)embd.Rows : (int?)null;
        var p = LlamaHyperParameters.FromMetadata(file.Metadata, vocabularyFromTensors);
        var d = p.EmbeddingLength;
        var embedding = Matrix(file, "token_embd.weight", p.VocabularySize, d);
        var output = file.TryGetTensor("output.weight", out _) ? Matrix(file, "output.weight", p.VocabularySize, d) : embedding;
        var layers = Enumerable.Range(0, p.BlockCount).Select(i => new LlamaLayerWeights(
            AttentionNorm: Norm(file, $"blk.{i}.attn_norm.weight", d),
            Query: Matrix(file, $"blk.{i}.attn_q.weight", d, d),
            Key: Matrix(file, $"blk.{i}.attn_k.weight", p.KvDimension, d),
            Value: Matrix(file, $"blk.{i}.attn_v.weight", p.KvDimension, d),
            AttentionOutput: Matrix(file, $"blk.{i}.attn_output.weight", d, d),
            FeedForwardNorm: Norm(file, $"blk.{i}.ffn_norm.weight", d),
            Gate: Matrix(file, $"blk.{i}.ffn_gate.weight", p.FeedForwardLength, d),
            Up: Matrix(file, $"blk.{i}.ffn_up.weight", p.FeedForwardLength, d),
            Down: Matrix(file, $"blk.{i}.ffn_down.weight", d, p.FeedForwardLength))).ToList();
        var precisions = layers.SelectMany(l => l.Matrices).Select(m => m.Precision).Distinct().ToList();
        if (precisions.Count > 1)
        {
            // Mixed files (e.g. Q8_0 with an F16 output) run, but the blocks must agree for the label to mean anything.
            var mixed = layers.Select(l => l.ConvertTo(layers[0].Query.Precision)).ToList();
            layers = mixed;
        }

        return new LlamaWeights(p, embedding, layers, Norm(file, "output_norm.weight", d), output);
    }

    private static WeightMatrix Matrix(GgufFile file, string name, int rows, int cols)
    {
        var tensor = file.GetTensor(name);
        if (tensor.Dimensions.Count != 2 || tensor.Columns != cols || tensor.Rows != rows)
        {
            throw new ModelFormatException(
                file.FilePath, $"shape mismatch: tensor is {tensor.ShapeText}, the hyper-parameters need [{cols}, {rows}]", tensor.AbsoluteOffset, name);
        }

        return WeightMatrix.View(name, WeightPrecisions.FromTensorType(tensor.Type), rows, cols, file.GetBytes(tensor), file);
    }

    private static float[] Norm(GgufFile file, string name, int length)
    {
        var tensor = file.GetTensor(name);
        if (tensor.ElementCount != length)
        {
            throw new ModelFormatException(
                file.FilePath, $"shape mismatch: tensor is {tensor.ShapeText}, the hyper-parameters need [{length}]", tensor.AbsoluteOffset, name);
        }

        return tensor.Type switch
        {
            GgufTensorType.F32 => file.GetFloats(tensor).ToArray(),
            GgufTensorType.F16 => file.GetHalves(tensor).ToArray().Select(h => (float)h).ToArray(),
            _ => throw new ModelFormatException(file.FilePath, $"norm weights must be F32 or F16, found {tensor.Type}", tensor.AbsoluteOffset, name),
        };
    }
}
