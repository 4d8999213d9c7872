using Measure.Workloads.Gguf;

namespace Measure.Workloads.Vision.Model;

/// <summary>
/// The FP32 master weights of a vision network by tensor name. Every precision is derived from these,
/// so an FP16 or int8 model and its FP32 reference always share the same weights.
/// </summary>
public sealed class VisionWeights
{
    private readonly Dictionary<string, VisionTensor> _tensors;

    public VisionWeights(IEnumerable<VisionTensor> tensors, string source)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        _tensors = new Dictionary<string, VisionTensor>(StringComparer.Ordinal);
        foreach (var tensor in tensors)
        {
            if (!_tensors.TryAdd(tensor.Name, tensor))
            {
                throw new ArgumentException($"tensor '{tensor.Name}' appears twice", nameof(tensors));
            }
        }

        Source = source;
    }

    /// <summary>Where the weights came from: "seed 0x..." or a file path (named in errors).</summary>
    public string Source { get; }

    public IReadOnlyCollection<VisionTensor> Tensors => _tensors.Values;

    public bool Contains(string name) => _tensors.ContainsKey(name);

    /// <summary>The tensor, checked against the shape the network expects (else a <see cref="ModelFormatException"/> naming source, tensor and offset).</summary>
    public VisionTensor Get(string name, IReadOnlyList<int> expectedShape)
    {
        ArgumentNullException.ThrowIfNull(expectedShape);
        if (!_tensors.TryGetValue(name, out var tensor))
        {
            throw new ModelFormatException(Source, "the network needs a tensor the weights do not have", tensorName: name);
        }

        if (!tensor.Shape.SequenceEqual(expectedShape))
        {
            throw new ModelFormatException(
                Source, $"shape {tensor.ShapeText} does not match the network's [{string.Join(", ", expectedShape)}]", tensor.FileOffset, name);
        }

        return tensor;
    }
}
