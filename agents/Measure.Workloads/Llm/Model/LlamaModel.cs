using Measure.Workloads.Gguf;
using Measure.Workloads.Llm.Tokenization;

namespace Measure.Workloads.Llm.Model;

/// <summary>
/// A loaded model: weights (mapped from a GGUF file or seeded), its tokenizer when it has one, and
/// the file that must stay mapped while the weights are used. Dispose to unmap.
/// </summary>
public sealed class LlamaModel : IDisposable
{
    private readonly IDisposable? _owner;

    public LlamaModel(LlamaWeights weights, Tokenizer? tokenizer, string name, IDisposable? owner = null)
    {
        Weights = weights ?? throw new ArgumentNullException(nameof(weights));
        Tokenizer = tokenizer;
        Name = name;
        _owner = owner;
    }

    public LlamaWeights Weights { get; }

    public LlamaHyperParameters Parameters => Weights.Parameters;

    /// <summary>Null for seeded shape presets, which have no vocabulary text.</summary>
    public Tokenizer? Tokenizer { get; }

    public string Name { get; }

    public WeightPrecision Precision => Weights.Precision;

    /// <summary>
    /// Opens a llama GGUF file. With <paramref name="precision"/> the matrices are converted once into
    /// that precision (so an F32 file can be run in Q8_0, and a Q8_0 file has an F32 reference);
    /// without it they are used in place from the mapping.
    /// </summary>
    public static LlamaModel Load(string path, WeightPrecision? precision = null)
    {
        var file = GgufFile.Open(path);
        try
        {
            var weights = GgufLlamaLoader.Load(file);
            if (precision is { } target)
            {
                weights = weights.ConvertTo(target);
            }

            var tokenizer = file.Metadata.ContainsKey("tokenizer.ggml.tokens") ? GgufTokenizerLoader.Load(file.Metadata) : null;
            var name = file.Metadata.GetStringOrNull("general.name") ?? Path.GetFileNameWithoutExtension(path);
            return new LlamaModel(weights, tokenizer, name, file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The same weights in another precision; shares this model's mapping, so keep this one alive.</summary>
    public LlamaModel WithPrecision(WeightPrecision precision) =>
        precision == Precision ? this : new LlamaModel(Weights.ConvertTo(precision), Tokenizer, Name, owner: null);

    public void Dispose() => _owner?.Dispose();
}
