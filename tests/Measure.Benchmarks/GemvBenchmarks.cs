using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Linear;
using Measure.Kernels.Threading;

namespace Measure.Benchmarks;

/// <summary>Decode-shape matrix-vector products (1x4096 by 4096x4096 and 4096x11008).</summary>
[Config(typeof(KernelBenchmarkConfig))]
public class GemvBenchmarks : IDisposable
{
    private KernelContext? _context;
    private byte[] _weights = [];
    private float[] _x = [];
    private float[] _y = [];

    [Params("q8_0", "f16", "f32")]
    public string Format { get; set; } = "q8_0";

    [Params(4096, 11008)]
    public int Rows { get; set; } = 4096;

    [Params(1, 2)]
    public int Threads { get; set; } = 1;

    [ParamsSource(nameof(Isas))]
    public KernelIsa Isa { get; set; }

    public static IEnumerable<KernelIsa> Isas => KernelRegistry.Executable;

    [GlobalSetup]
    public void Setup()
    {
        _context = new KernelContext(Threads, Isa);
        _weights = Operands.Weights(Format, Rows, 4096);
        _x = Operands.Floats(4096, 3);
        _y = new float[Rows];
    }

    [Benchmark]
    public void Gemv()
    {
        var context = _context!;
        switch (Format)
        {
            case "q8_0":
                Kernels.Linear.Gemv.Q8_0(context, _weights, Rows, 4096, _x, _y);
                break;
            case "f16":
                Kernels.Linear.Gemv.F16(context, MemoryMarshal.Cast<byte, Half>(_weights), Rows, 4096, _x, _y);
                break;
            default:
                Kernels.Linear.Gemv.F32(context, MemoryMarshal.Cast<byte, float>(_weights), Rows, 4096, _x, _y);
                break;
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _context?.Dispose();
        _context = null;
        GC.SuppressFinalize(this);
    }
}
