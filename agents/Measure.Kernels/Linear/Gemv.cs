using System.Runtime.CompilerServices;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Dot;
using Measure.Kernels.Formats;
using Measure.Kernels.Threading;

namespace Measure.Kernels.Linear;

/// <summary>
/// Matrix-vector products y[rows] = W[rows x cols] . x[cols], with W row-major in its storage format
/// (a memory-mapped GGUF tensor is read in place). Rows are split across the context's threads.
/// </summary>
public static unsafe class Gemv
{
    // Below this many multiply-adds per thread, waking another thread costs more than it saves.
    private const int MinMacsPerThread = 1 << 16;
    private const int RowGrain = 16;

    /// <summary>FP32 weights and activations.</summary>
    public static void F32(KernelContext context, ReadOnlySpan<float> weights, int rows, int cols, ReadOnlySpan<float> x, Span<float> y)
    {
        ArgumentNullException.ThrowIfNull(context);
        Shape.EnsureMatrix(weights.Length, rows, cols, nameof(weights), nameof(rows), nameof(cols));
        Shape.EnsureVector(x.Length, cols, nameof(x), nameof(cols));
        Shape.EnsureVector(y.Length, rows, nameof(y), nameof(rows));
        using var lease = context.Enter();
        fixed (float* w = weights)
        fixed (float* xp = x)
        fixed (float* yp = y)
        {
            var job = new F32Job { Isa = context.Isa, Weights = w, Cols = cols, X = xp, Y = yp };
            context.Run(ref job, rows, RowGrain, MinRows(cols));
        }
    }

    /// <summary>FP16 weights, FP32 activations and accumulation.</summary>
    public static void F16(KernelContext context, ReadOnlySpan<Half> weights, int rows, int cols, ReadOnlySpan<float> x, Span<float> y)
    {
        ArgumentNullException.ThrowIfNull(context);
        Shape.EnsureMatrix(weights.Length, rows, cols, nameof(weights), nameof(rows), nameof(cols));
        Shape.EnsureVector(x.Length, cols, nameof(x), nameof(cols));
        Shape.EnsureVector(y.Length, rows, nameof(y), nameof(rows));
        using var lease = context.Enter();
        bool wide = context.Isa is KernelIsa.Avx2 or KernelIsa.Avx512;
        float[] scaled = wide ? context.FloatScratch(cols) : [];
        fixed (Half* w = weights)
        fixed (float* xp = x)
        fixed (float* sp = scaled)
        fixed (float* yp = y)
        {
            bool prescaled = wide && F16Dot.TryPrescale(xp, cols, sp);
            var job = new F16Job { Isa = context.Isa, Weights = (ushort*)w, Cols = cols, X = xp, XScaled = prescaled ? sp : null, Y = yp };
            // Chunks of whole long-stream blocks, so every thread reads long runs.
            context.Run(ref job, rows, prescaled ? F16Dot.BlockRows : RowGrain, MinRows(cols));
        }
    }

    /// <summary>
    /// Q8_0 weights (GGUF blocks); x is quantized to Q8_0 on the fly and each block's int32 dot product
    /// is scaled by d_w * d_x, as llama.cpp's q8_0 x q8_0 dot. Bit-identical on every ISA.
    /// </summary>
    public static void Q8_0(KernelContext context, ReadOnlySpan<byte> weights, int rows, int cols, ReadOnlySpan<float> x, Span<float> y)
    {
        ArgumentNullException.ThrowIfNull(context);
        Shape.EnsureQ8_0Matrix(weights.Length, rows, cols, nameof(weights), nameof(rows), nameof(cols));
        Shape.EnsureVector(x.Length, cols, nameof(x), nameof(cols));
        Shape.EnsureVector(y.Length, rows, nameof(y), nameof(rows));
        using var lease = context.Enter();
        int blocks = cols / Formats.Q8_0.BlockSize;
        var activations = ActivationQuantizer.Quantize(context, x, 1, cols);
        fixed (byte* w = weights)
        fixed (byte* xq = activations.Bytes)
        fixed (float* xs = activations.Scales)
        fixed (float* yp = y)
        {
            var job = new Q8_0Job { Isa = context.Isa, Weights = w, Blocks = blocks, Xq = xq, XScales = xs, Y = yp };
            context.Run(ref job, rows, Q8_0Dot.BlockRows, MinRows(cols));
        }
    }

    private static int MinRows(int cols) => Math.Max(1, MinMacsPerThread / Math.Max(1, cols));

    private struct F32Job : IRangeJob
    {
        public KernelIsa Isa;
        public float* Weights;
        public int Cols;
        public float* X;
        public float* Y;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Execute(int start, int end) => F32Dot.Rows(Isa, Weights, Cols, X, Y, start, end);
    }

    private struct F16Job : IRangeJob
    {
        public KernelIsa Isa;
        public ushort* Weights;
        public int Cols;
        public float* X;
        public float* XScaled;
        public float* Y;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Execute(int start, int end)
        {
            if (XScaled != null)
            {
                F16Dot.RowsPrescaled(Isa, Weights, Cols, X, XScaled, Y, start, end);
            }
            else
            {
                F16Dot.Rows(Isa, Weights, Cols, X, Y, start, end);
            }
        }
    }

    private struct Q8_0Job : IRangeJob
    {
        public KernelIsa Isa;
        public byte* Weights;
        public int Blocks;
        public byte* Xq;
        public float* XScales;
        public float* Y;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Execute(int start, int end) => Q8_0Dot.Rows(Isa, Weights, Blocks, Xq, XScales, Y, start, end);
    }
}
