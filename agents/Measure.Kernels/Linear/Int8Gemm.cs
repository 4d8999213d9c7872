using System.Runtime.CompilerServices;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Dot;
using Measure.Kernels.Formats;
using Measure.Kernels.Threading;

namespace Measure.Kernels.Linear;

/// <summary>
/// W8A8 matrix products with per-output-channel symmetric int8 weights (convolutions, NPU-style
/// layers): int32 accumulation, exact and identical on every ISA, then one float scale per channel.
/// </summary>
public static unsafe class Int8Gemm
{
    private const int MinMacsPerThread = 1 << 16;

    /// <summary>acc[t, r] = sum over c of x[t, c] * w[r, c] in int32. x must lie in [-127, 127].</summary>
    public static void Accumulate(
        KernelContext context, ReadOnlySpan<sbyte> weights, int rows, int cols, ReadOnlySpan<sbyte> x, int tokens, Span<int> accumulators)
    {
        ArgumentNullException.ThrowIfNull(context);
        Shape.EnsureMatrix(weights.Length, rows, cols, nameof(weights), nameof(rows), nameof(cols));
        Shape.EnsureNonNegative(tokens, nameof(tokens));
        Shape.EnsureMatrix(x.Length, tokens, cols, nameof(x), nameof(tokens), nameof(cols));
        Shape.EnsureMatrix(accumulators.Length, tokens, rows, nameof(accumulators), nameof(tokens), nameof(rows));
        foreach (sbyte value in x)
        {
            if (value == sbyte.MinValue)
            {
                throw new ArgumentException("x must lie in [-127, 127] (symmetric int8); found -128", nameof(x));
            }
        }

        using var lease = context.Enter();
        fixed (sbyte* w = weights)
        fixed (sbyte* xp = x)
        fixed (int* acc = accumulators)
        {
            var job = new Job { Isa = context.Isa, Weights = w, Rows = rows, Cols = cols, X = xp, Tokens = tokens, Accumulators = acc };
            context.Run(ref job, rows, 16, MinRows(cols, tokens));
        }
    }

    /// <summary>
    /// y[t, r] = (float)acc[t, r] * (s_x * s_w[r]) + bias[r], with x quantized per tensor on the fly
    /// (s_x = max|x| / 127). Bias may be empty.
    /// </summary>
    public static void PerChannel(
        KernelContext context, ReadOnlySpan<sbyte> weights, ReadOnlySpan<float> weightScales, int rows, int cols,
        ReadOnlySpan<float> x, int tokens, Span<float> y, ReadOnlySpan<float> bias = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        Shape.EnsureMatrix(weights.Length, rows, cols, nameof(weights), nameof(rows), nameof(cols));
        Shape.EnsureVector(weightScales.Length, rows, nameof(weightScales), nameof(rows));
        Shape.EnsureNonNegative(tokens, nameof(tokens));
        Shape.EnsureMatrix(x.Length, tokens, cols, nameof(x), nameof(tokens), nameof(cols));
        Shape.EnsureMatrix(y.Length, tokens, rows, nameof(y), nameof(tokens), nameof(rows));
        if (!bias.IsEmpty)
        {
            Shape.EnsureVector(bias.Length, rows, nameof(bias), nameof(rows));
        }

        using var lease = context.Enter();
        var quantized = context.Int8Scratch(x.Length).AsSpan(0, x.Length);
        float xScale = SymmetricInt8.Quantize(x, quantized);
        fixed (sbyte* w = weights)
        fixed (float* ws = weightScales)
        fixed (sbyte* xp = quantized)
        fixed (float* yp = y)
        fixed (float* b = bias)
        {
            var job = new Job
            {
                Isa = context.Isa, Weights = w, Rows = rows, Cols = cols, X = xp, Tokens = tokens,
                Output = yp, WeightScales = ws, XScale = xScale, Bias = b,
            };
            context.Run(ref job, rows, 16, MinRows(cols, tokens));
        }
    }

    private static int MinRows(int cols, int tokens) => Math.Max(1, MinMacsPerThread / Math.Max(1, cols * Math.Max(1, tokens)));

    private struct Job : IRangeJob
    {
        public KernelIsa Isa;
        public sbyte* Weights;
        public int Rows;
        public int Cols;
        public sbyte* X;
        public int Tokens;
        public int* Accumulators;
        public float* Output;
        public float* WeightScales;
        public float XScale;
        public float* Bias;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Execute(int start, int end)
        {
            for (int t = 0; t < Tokens; t++)
            {
                sbyte* xt = X + ((long)t * Cols);
                for (int r = start; r < end; r++)
                {
                    int acc = Int8Dot.One(Isa, Weights + ((long)r * Cols), xt, Cols);
                    long index = ((long)t * Rows) + r;
                    if (Output == null)
                    {
                        Accumulators[index] = acc;
                    }
                    else
                    {
                        float value = acc * (XScale * WeightScales[r]);
                        Output[index] = Bias == null ? value : value + Bias[r];
                    }
                }
            }
        }
    }
}
