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

    /// <summary>The tensor, checked against the shape the network expects.</summary>
    public VisionTensor Get(string name, IReadOnlyList<int> expectedShape)
    {
        ArgumentNullException.ThrowIfNull(expectedShape);
        if (!_tensors.TryGetValue(name, out var tensor))
        {
            throw new VisionWeightsException(Source, name, "is missing");
        }

        if (!tensor.Shape.SequenceEqual(expectedShape))
        {
            throw new VisionWeightsException(Source, name, $"has shape {tensor.ShapeText} but the network needs [{string.Join(", ", expectedShape)}]");
        }

        return tensor;
    }
}
