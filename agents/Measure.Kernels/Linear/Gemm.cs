using System.Runtime.CompilerServices;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Dot;
using Measure.Kernels.Formats;
using Measure.Kernels.Threading;

namespace Measure.Kernels.Linear;

/// <summary>
/// Matrix products for prefill: Y[tokens x rows] = X[tokens x cols] . W[rows x cols]^T, with W row-major
/// in its storage format (used in place) and X, Y row-major FP32. Blocks of weight rows are split
/// across the context's threads; each block is multiplied against every token.
/// </summary>
public static unsafe class Gemm
{
    private const int MinMacsPerThread = 1 << 16;

    // Float paths: 12 weight rows x 256 columns (12 KB of FP32) stay in L1 while all tokens stream past;
    // the AVX2 path packs three 16-row panels (48 KB, L2) per 256-column chunk instead.
    private const int FloatRowBlock = 12;
    private const int FloatColumnBlock = 256;
    private const int PanelsPerBlock = 3;

    // Q8_0: 8 weight rows (35 KB at 4096 columns) stay in L2 while each 4-token tile sits in L1.
    private const int Q8RowBlock = 8;

    /// <summary>FP32 weights.</summary>
    public static void F32(KernelContext context, ReadOnlySpan<float> weights, int rows, int cols, ReadOnlySpan<float> x, int tokens, Span<float> y)
    {
        ArgumentNullException.ThrowIfNull(context);
        Shape.EnsureMatrix(weights.Length, rows, cols, nameof(weights), nameof(rows), nameof(cols));
        Validate(x.Length, tokens, cols, y.Length, rows);
        using var lease = context.Enter();
        fixed (float* w = weights)
        fixed (float* xp = x)
        fixed (float* yp = y)
        {
            var job = new FloatJob { Isa = context.Isa, F32 = w, Rows = rows, Cols = cols, X = xp, Tokens = tokens, Y = yp };
            RunFloat(context, ref job, rows, cols, tokens);
        }
    }

    /// <summary>FP16 weights, FP32 activations and accumulation.</summary>
    public static void F16(KernelContext context, ReadOnlySpan<Half> weights, int rows, int cols, ReadOnlySpan<float> x, int tokens, Span<float> y)
    {
        ArgumentNullException.ThrowIfNull(context);
        Shape.EnsureMatrix(weights.Length, rows, cols, nameof(weights), nameof(rows), nameof(cols));
        Validate(x.Length, tokens, cols, y.Length, rows);
        using var lease = context.Enter();
        fixed (Half* w = weights)
        fixed (float* xp = x)
        fixed (float* yp = y)
        {
            var job = new FloatJob { Isa = context.Isa, F16 = (ushort*)w, Rows = rows, Cols = cols, X = xp, Tokens = tokens, Y = yp };
            RunFloat(context, ref job, rows, cols, tokens);
        }
    }

    /// <summary>
    /// Q8_0 weights; every token is quantized to Q8_0 on the fly. Row t of Y is bit-identical to
    /// <see cref="Gemv.Q8_0"/> of row t of X, on every ISA.
    /// </summary>
    public static void Q8_0(KernelContext context, ReadOnlySpan<byte> weights, int rows, int cols, ReadOnlySpan<float> x, int tokens, Span<float> y)
    {
        ArgumentNullException.ThrowIfNull(context);
        Shape.EnsureQ8_0Matrix(weights.Length, rows, cols, nameof(weights), nameof(rows), nameof(cols));
        Validate(x.Length, tokens, cols, y.Length, rows);
        using var lease = context.Enter();
        var activations = ActivationQuantizer.Quantize(context, x, tokens, cols);
        int blocks = cols / Formats.Q8_0.BlockSize;
        bool pack = Q8_0Tile.WantsPackedTokens(context.Isa, tokens, blocks);
        long packedShorts = pack ? Q8_0Tile.PackedTokenShorts(tokens, blocks) : 0;
        var packed = pack ? context.Int16Scratch(checked((int)packedShorts + 16)) : [];
        fixed (byte* w = weights)
        fixed (byte* xq = activations.Bytes)
        fixed (float* xs = activations.Scales)
        fixed (short* packedBase = packed)
        fixed (float* yp = y)
        {
            // Tokens are widened once per call and reused by every weight row.
            short* xPacked = pack ? (short*)(((nint)packedBase + 31) & ~(nint)31) : null;
            if (pack)
            {
                Q8_0Tile.PackTokens(xq, tokens, blocks, xPacked);
            }

            var job = new Q8_0Job
            {
                Isa = context.Isa, Weights = w, Rows = rows, Blocks = blocks, Xq = xq, XScales = xs, XPacked = xPacked, Tokens = tokens, Y = yp,
            };
            context.Run(ref job, rows, Q8RowBlock, MinRows(cols, tokens));
        }
    }

    private static void Validate(int xLength, int tokens, int cols, int yLength, int rows)
    {
        Shape.EnsureNonNegative(tokens, nameof(tokens));
        Shape.EnsureMatrix(xLength, tokens, cols, "x", nameof(tokens), nameof(cols));
        Shape.EnsureMatrix(yLength, tokens, rows, "y", nameof(tokens), nameof(rows));
    }

    private static void RunFloat(KernelContext context, ref FloatJob job, int rows, int cols, int tokens)
    {
        if (cols == 0)
        {
            // No columns: every output is an empty sum.
            job.ClearOutput();
            return;
        }

        int grain = context.Isa is KernelIsa.Avx2 or KernelIsa.Avx512 ? PanelsPerBlock * F32Panel.Width : FloatRowBlock * 2;
        context.Run(ref job, rows, grain, MinRows(cols, tokens));
    }

    private static int MinRows(int cols, int tokens) => Math.Max(1, MinMacsPerThread / Math.Max(1, cols * Math.Max(1, tokens)));

    private struct FloatJob : IRangeJob
    {
        public KernelIsa Isa;
        public float* F32;
        public ushort* F16;
        public int Rows;
        public int Cols;
        public float* X;
        public int Tokens;
        public float* Y;

        public readonly void ClearOutput() => new Span<float>(Y, Rows * Tokens).Clear();

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Execute(int start, int end)
        {
            if (Isa is KernelIsa.Avx2 or KernelIsa.Avx512)
            {
                ExecutePacked(start, end);
                return;
            }

            float* converted = stackalloc float[F16 != null ? FloatRowBlock * FloatColumnBlock : 1];
            for (int r0 = start; r0 < end; r0 += FloatRowBlock)
            {
                int rowCount = Math.Min(FloatRowBlock, end - r0);
                for (int k0 = 0; k0 < Cols; k0 += FloatColumnBlock)
                {
                    int kLen = Math.Min(FloatColumnBlock, Cols - k0);
                    float* w;
                    int wStride;
                    if (F16 != null)
                    {
                        Widen(F16 + ((long)r0 * Cols) + k0, Cols, rowCount, kLen, converted);
                        w = converted;
                        wStride = FloatColumnBlock;
                    }
                    else
                    {
                        w = F32 + ((long)r0 * Cols) + k0;
                        wStride = Cols;
                    }

                    F32Tile.Run(Isa, X + k0, Cols, Tokens, w, wStride, rowCount, kLen, Y + r0, Rows, accumulate: k0 > 0);
                }
            }
        }

        // Packed panels (AVX2): per k-chunk, three 16-row panels are packed once and reused by all tokens.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private readonly void ExecutePacked(int start, int end)
        {
            float* panels = stackalloc float[PanelsPerBlock * FloatColumnBlock * F32Panel.Width];
            float* scratch = stackalloc float[F32Panel.Width];
            for (int r0 = start; r0 < end; r0 += PanelsPerBlock * F32Panel.Width)
            {
                int blockRows = Math.Min(PanelsPerBlock * F32Panel.Width, end - r0);
                int panelCount = (blockRows + F32Panel.Width - 1) / F32Panel.Width;
                for (int k0 = 0; k0 < Cols; k0 += FloatColumnBlock)
                {
                    int kLen = Math.Min(FloatColumnBlock, Cols - k0);
                    bool accumulate = k0 > 0;
                    for (int p = 0; p < panelCount; p++)
                    {
                        int first = r0 + (p * F32Panel.Width);
                        long offset = ((long)first * Cols) + k0;
                        F32Panel.Pack(
                            F16 == null ? F32 + offset : null, F16 != null ? F16 + offset : null, Cols,
                            Math.Min(F32Panel.Width, r0 + blockRows - first), kLen, panels + (p * FloatColumnBlock * F32Panel.Width));
                    }

                    int t = 0;
                    for (; t + F32Panel.Tokens <= Tokens; t += F32Panel.Tokens)
                    {
                        for (int p = 0; p < panelCount; p++)
                        {
                            int first = r0 + (p * F32Panel.Width);
                            F32Panel.Six(
                                X + ((long)t * Cols) + k0, Cols, panels + (p * FloatColumnBlock * F32Panel.Width), kLen,
                                Y + ((long)t * Rows) + first, Rows, Math.Min(F32Panel.Width, r0 + blockRows - first), accumulate, scratch);
                        }
                    }

                    for (; t < Tokens; t++)
                    {
                        for (int p = 0; p < panelCount; p++)
                        {
                            int first = r0 + (p * F32Panel.Width);
                            F32Panel.One(
                                X + ((long)t * Cols) + k0, panels + (p * FloatColumnBlock * F32Panel.Width), kLen,
                                Y + ((long)t * Rows) + first, Math.Min(F32Panel.Width, r0 + blockRows - first), accumulate, scratch);
                        }
                    }
                }
            }
        }

        // FP16 weights are widened once per block and then reused by every token.
        private static void Widen(ushort* source, int sourceStride, int rowCount, int kLen, float* target)
        {
            for (int r = 0; r < rowCount; r++)
            {
                var from = new ReadOnlySpan<Half>(source + ((long)r * sourceStride), kLen);
                var to = new Span<float>(target + (r * FloatColumnBlock), kLen);
                for (int k = 0; k < kLen; k++)
                {
                    to[k] = HalfConversion.ToSingle(BitConverter.HalfToUInt16Bits(from[k]));
                }
            }
        }
    }

    private struct Q8_0Job : IRangeJob
    {
        public KernelIsa Isa;
        public byte* Weights;
        public int Rows;
        public int Blocks;
        public byte* Xq;
        public float* XScales;
        public short* XPacked;
        public int Tokens;
        public float* Y;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Execute(int start, int end) =>
            Q8_0Tile.Run(Isa, Xq, XScales, XPacked, Tokens, Weights + ((long)start * Blocks * Formats.Q8_0.BlockBytes), end - start, Blocks, Y + start, Rows);
    }
}
