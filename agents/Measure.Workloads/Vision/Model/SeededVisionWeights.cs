using System.Text;
using Measure.Workloads.Seeding;

namespace Measure.Workloads.Vision.Model;

/// <summary>
/// Deterministic weights for any list of convolutions, identical on every device: each tensor draws
/// from SplitMix64 seeded by the model seed and the tensor's name (so adding a layer does not shift the
/// others). Uniform He-style bounds keep activations at a steady scale through the depth: sqrt(6 / fanIn)
/// before ReLU6, sqrt(3 / fanIn) (unit gain) for the linear projections and heads.
/// </summary>
public static class SeededVisionWeights
{
    public const ulong DefaultSeed = 0x5EED_C0DE_2024UL;

    private const float BiasScale = 0.05f;

    public static VisionWeights Create(IEnumerable<ConvSpec> convolutions, ulong seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(convolutions);
        var tensors = new List<VisionTensor>();
        foreach (var conv in convolutions)
        {
            var weights = new float[conv.WeightCount];
            float bound = MathF.Sqrt((conv.Relu6 ? 6f : 3f) / conv.FanIn);
            new SeededValues(TensorSeed(seed, conv.WeightName)).Fill(weights, bound);
            var bias = new float[conv.OutChannels];
            new SeededValues(TensorSeed(seed, conv.BiasName)).Fill(bias, BiasScale);
            tensors.Add(new VisionTensor(conv.WeightName, conv.WeightShape, weights));
            tensors.Add(new VisionTensor(conv.BiasName, [conv.OutChannels], bias));
        }

        return new VisionWeights(tensors, FormattableString.Invariant($"seed 0x{seed:X}"));
    }

    /// <summary>Seeded weights for every convolution of a MobileNet classifier.</summary>
    public static VisionWeights ForClassifier(MobileNetLayout layout, ulong seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return Create(layout.Convolutions, seed);
    }

    /// <summary>FNV-1a of the name's UTF-8 bytes mixed into the seed: stable across runtimes, unlike string.GetHashCode.</summary>
    internal static ulong TensorSeed(ulong seed, string name)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        return seed ^ hash;
    }
}
