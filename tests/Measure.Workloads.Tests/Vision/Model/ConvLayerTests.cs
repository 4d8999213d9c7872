using Measure.Workloads.Gguf;
using Measure.Kernels.Threading;
using Measure.Kernels.Vision;
using Measure.Workloads.Seeding;
using Measure.Workloads.Vision.Accuracy;
using Measure.Workloads.Vision.Model;

namespace Measure.Workloads.Tests.Vision.Model;

public sealed class ConvLayerTests : IDisposable
{
    // One context per test: contexts serve one caller at a time and xunit runs classes in parallel.
    private readonly KernelContext _context = new(1);

    public static TheoryData<ConvKind, int, bool> Kinds => new()
    {
        { ConvKind.Dense3x3, 1, true },
        { ConvKind.Dense3x3, 2, false },
        { ConvKind.Pointwise, 1, true },
        { ConvKind.Depthwise3x3, 1, true },
        { ConvKind.Depthwise3x3, 2, false },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Apply_F32_MatchesTextbookConvolution(ConvKind kind, int stride, bool relu6)
    {
        var (spec, weights, x) = Setup(kind, stride, relu6);
        var tensors = weights.Get(spec.WeightName, spec.WeightShape).Values;
        var bias = weights.Get(spec.BiasName, [spec.OutChannels]).Values;
        var expected = NaiveConvolution.Apply(spec, tensors, bias, x, 7, 5);
        var layer = ConvLayer.Create(spec, weights, VisionPrecision.F32);
        var y = new float[expected.Length];

        var shape = layer.Apply(_context, new ImageShape(7, 5, spec.InChannels), x, y);

        Assert.Equal(expected.Length, shape.Length);
        for (int i = 0; i < y.Length; i++)
        {
            Assert.Equal(expected[i], y[i], 1e-4f);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Apply_ReducedPrecisions_StayCloseToF32(ConvKind kind, int stride, bool relu6)
    {
        var (spec, weights, x) = Setup(kind, stride, relu6);
        var input = new ImageShape(7, 5, spec.InChannels);
        var reference = Run(VisionPrecision.F32);

        Assert.True(LogitComparison.SqnrDb([reference], [Run(VisionPrecision.F16)]) > 50);
        Assert.True(LogitComparison.SqnrDb([reference], [Run(VisionPrecision.Int8)]) > 25);

        float[] Run(VisionPrecision precision)
        {
            var layer = ConvLayer.Create(spec, weights, precision);
            var y = new float[layer.OutputShape(input).Length];
            layer.Apply(_context, input, x, y);
            return y;
        }
    }

    [Fact]
    public void Apply_WrongInputChannels_ThrowsNamingTheLayer()
    {
        var (spec, weights, _) = Setup(ConvKind.Pointwise, 1, true);
        var layer = ConvLayer.Create(spec, weights, VisionPrecision.F32);

        var error = Assert.Throws<ArgumentException>(() => layer.Apply(_context, new ImageShape(2, 2, 3), new float[12], new float[100]));

        Assert.Contains("'probe'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WeightOfWrongShape_ThrowsNamingTensorAndShapes()
    {
        var spec = new ConvSpec("probe", ConvKind.Pointwise, 4, 6, 1, false);
        var weights = new VisionWeights([new VisionTensor("probe.weight", [4, 6], new float[24]), new VisionTensor("probe.bias", [6], new float[6])], "test");

        var error = Assert.Throws<ModelFormatException>(() => ConvLayer.Create(spec, weights, VisionPrecision.F32));

        Assert.Equal("probe.weight", error.TensorName);
        Assert.StartsWith("test:", error.Message, StringComparison.Ordinal);
        Assert.Contains("[4, 6]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[6, 4]", error.Message, StringComparison.Ordinal);
    }

    private static (ConvSpec Spec, VisionWeights Weights, float[] X) Setup(ConvKind kind, int stride, bool relu6)
    {
        int inChannels = kind == ConvKind.Depthwise3x3 ? 12 : 6;
        int outChannels = kind == ConvKind.Depthwise3x3 ? 12 : 10;
        var spec = new ConvSpec("probe", kind, inChannels, outChannels, stride, relu6);
        var weights = SeededVisionWeights.Create([spec], 42);
        var x = new float[7 * 5 * inChannels];
        new SeededValues(7).Fill(x, 2f);
        return (spec, weights, x);
    }

    public void Dispose() => _context.Dispose();
}
