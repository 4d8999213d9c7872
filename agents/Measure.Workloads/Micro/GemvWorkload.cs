using System.Globalization;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Formats;
using Measure.Kernels.Linear;
using Measure.Kernels.Threading;
using Measure.Workloads.Seeding;

namespace Measure.Workloads.Micro;

/// <summary>
/// y = W·x at a fixed shape on the bundled kernels: the smallest real workload, memory-bound like an
/// LLM's decode step, so its weight bandwidth is directly comparable with the device's probed limit.
/// </summary>
public sealed class GemvWorkload : IIterationWorkload
{
    private const ulong WeightSeed = 0x5EED_0001;
    private const ulong InputSeed = 0x5EED_0002;

    private readonly KernelContext context;
    private readonly GemvPrecision precision;
    private readonly int rows;
    private readonly int cols;
    private readonly float[] x;
    private readonly float[] y;
    private readonly float[]? weightsF32;
    private readonly Half[]? weightsF16;
    private readonly byte[]? weightsQ8;

    public GemvWorkload(GemvPrecision precision, int rows, int cols, int threads, KernelIsa? isa = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cols, 1);
        if (precision == GemvPrecision.Q8_0 && cols % Q8_0.BlockSize != 0)
            throw new ArgumentException($"q8_0 needs cols to be a multiple of {Q8_0.BlockSize}; got {cols}.", nameof(cols));
        this.precision = precision;
        this.rows = rows;
        this.cols = cols;
        context = new KernelContext(threads, isa);

        var weights = new float[(long)rows * cols];
        new SeededValues(WeightSeed).Fill(weights, 0.5f);
        x = new float[cols];
        new SeededValues(InputSeed).Fill(x, 1f);
        y = new float[rows];
        switch (precision)
        {
            case GemvPrecision.F32:
                weightsF32 = weights;
                break;
            case GemvPrecision.F16:
                weightsF16 = new Half[weights.Length];
                for (var i = 0; i < weights.Length; i++)
                    weightsF16[i] = (Half)weights[i];
                break;
            case GemvPrecision.Q8_0:
                weightsQ8 = new byte[Q8_0.ByteCount(weights.Length)];
                Q8_0.Quantize(weights, weightsQ8);
                break;
        }
    }

    public string Name => "gemv";
    public string Precision => GemvPrecisions.Name(precision);
    public string Isa => KernelRegistry.Name(context.Isa);
    public int Threads => context.Threads;

    public IReadOnlyDictionary<string, string> Parameters => new Dictionary<string, string>
    {
        ["rows"] = rows.ToString(CultureInfo.InvariantCulture),
        ["cols"] = cols.ToString(CultureInfo.InvariantCulture),
    };

    public long WeightBytesPerIteration => precision switch
    {
        GemvPrecision.F32 => (long)rows * cols * sizeof(float),
        GemvPrecision.F16 => (long)rows * cols * 2,
        _ => Q8_0.ByteCount(rows * cols),
    };

    public double OperationsPerIteration => 2.0 * rows * cols;

    /// <summary>The last output, so tests can check the workload computes what it claims.</summary>
    public ReadOnlySpan<float> Output => y;

    public void RunIteration()
    {
        switch (precision)
        {
            case GemvPrecision.F32:
                Gemv.F32(context, weightsF32, rows, cols, x, y);
                break;
            case GemvPrecision.F16:
                Gemv.F16(context, weightsF16, rows, cols, x, y);
                break;
            default:
                Gemv.Q8_0(context, weightsQ8, rows, cols, x, y);
                break;
        }
    }

    public void Dispose() => context.Dispose();
}
