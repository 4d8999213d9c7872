using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Threading;

namespace Measure.Benchmarks;

/// <summary>Prefill-shape matrix products (512 tokens by 4096x4096).</summary>
[Config(typeof(KernelBenchmarkConfig))]
public class GemmBenchmarks : IDisposable
{
    private const int Tokens = 512;
    private const int Size = 4096;
    private KernelContext? _context;
    private byte[] _weights = [];
    private float[] _x = [];
    private float[] _y = [];

    [Params("q8_0", "f16", "f32")]
    public string Format { get; set; } = "q8_0";

    [Params(1, 2)]
    public int Threads { get; set; } = 1;

    [ParamsSource(nameof(Isas))]
    public KernelIsa Isa { get; set; }

    public static IEnumerable<KernelIsa> Isas => [KernelRegistry.Selected];

    [GlobalSetup]
    public void Setup()
    {
        _context = new KernelContext(Threads, Isa);
        _weights = Operands.Weights(Format, Size, Size);
        _x = Operands.Floats(Tokens * Size, 5);
        _y = new float[Tokens * Size];
    }

    [Benchmark]
    public void Gemm()
    {
        var context = _context!;
        switch (Format)
        {
            case "q8_0":
                Kernels.Linear.Gemm.Q8_0(context, _weights, Size, Size, _x, Tokens, _y);
                break;
            case "f16":
                Kernels.Linear.Gemm.F16(context, MemoryMarshal.Cast<byte, Half>(_weights), Size, Size, _x, Tokens, _y);
                break;
            default:
                Kernels.Linear.Gemm.F32(context, MemoryMarshal.Cast<byte, float>(_weights), Size, Size, _x, Tokens, _y);
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
