using BenchmarkDotNet.Attributes;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Formats;
using Measure.Kernels.Threading;
using Measure.Kernels.Vision;

namespace Measure.Benchmarks;

/// <summary>MobileNetV2-style layers at 56x56: pointwise expansion, depthwise 3x3, dense 3x3.</summary>
[Config(typeof(KernelBenchmarkConfig))]
public class VisionBenchmarks : IDisposable
{
    private static readonly ImageShape Input = new(56, 56, 32);
    private KernelContext? _context;
    private float[] _x = [];
    private float[] _pointwise = [];
    private sbyte[] _pointwiseInt8 = [];
    private float[] _pointwiseScales = [];
    private float[] _depthwise = [];
    private sbyte[] _depthwiseInt8 = [];
    private float[] _depthwiseScales = [];
    private float[] _dense = [];
    private float[] _y = [];

    [ParamsSource(nameof(Isas))]
    public KernelIsa Isa { get; set; }

    public static IEnumerable<KernelIsa> Isas => KernelRegistry.Executable;

    [GlobalSetup]
    public void Setup()
    {
        _context = new KernelContext(null, Isa);
        _x = Operands.Floats(Input.Length, 1);
        _pointwise = Operands.Floats(192 * 32, 2);
        _pointwiseInt8 = new sbyte[_pointwise.Length];
        _pointwiseScales = new float[192];
        SymmetricInt8.QuantizePerChannel(_pointwise, 192, 32, _pointwiseInt8, _pointwiseScales);
        _depthwise = Operands.Floats(9 * 32, 3);
        _depthwiseInt8 = new sbyte[_depthwise.Length];
        _depthwiseScales = Enumerable.Repeat(0.01f, 32).ToArray();
        SymmetricInt8.Quantize(_depthwise, _depthwiseInt8);
        _dense = Operands.Floats(32 * 9 * 32, 4);
        _y = new float[Input.Pixels * 192];
    }

    [Benchmark]
    public void PointwiseF32() => Conv2d.Pointwise(_context!, Input, _x, _pointwise, [], 192, _y);

    [Benchmark]
    public void PointwiseInt8() => Conv2d.Pointwise(_context!, Input, _x, _pointwiseInt8, _pointwiseScales, [], 192, _y);

    [Benchmark]
    public void DepthwiseF32() => Depthwise3x3.Apply(_context!, Input, _x, _depthwise, [], 1, _y.AsSpan(0, Input.Length));

    [Benchmark]
    public void DepthwiseInt8() => Depthwise3x3.Apply(_context!, Input, _x, _depthwiseInt8, _depthwiseScales, [], 1, _y.AsSpan(0, Input.Length));

    [Benchmark]
    public void Conv3x3F32() => Conv2d.Conv3x3(_context!, Input, _x, _dense, [], 32, 1, _y.AsSpan(0, Input.Length));

    [GlobalCleanup]
    public void Dispose()
    {
        _context?.Dispose();
        _context = null;
        GC.SuppressFinalize(this);
    }
}
