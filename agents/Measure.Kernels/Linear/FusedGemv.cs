using System.Runtime.CompilerServices;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Dot;
using Measure.Kernels.Threading;
using Measure.Kernels.Transformer;

namespace Measure.Kernels.Linear;

/// <summary>
/// Q8_0 matrix-vector products that share one activation vector, for the decode step of a transformer:
/// x is quantized once and the rows of every matrix are split across the threads in one dispatch, so
/// Q, K and V (or gate and up) cost one thread hand-off instead of one per matrix. Every output is
/// bit-identical to <see cref="Gemv.Q8_0"/> of the same matrix (followed by the separate add or SwiGLU),
/// whatever the ISA and thread count.
/// </summary>
public static unsafe class FusedGemv
{
    // As Gemv: waking a thread for fewer multiply-adds costs more than it saves.
    private const int MinMacsPerThread = 1 << 16;

    // Chunks and staging hold whole blocks of the Q8_0 kernel's eight long row streams: a shorter run
    // falls back to eight adjacent rows, which keep restarting the hardware prefetcher (measured: gate and
    // up interleaved 32 rows at a time read at ~60% of the rate of whole blocks on one Zen3 core).
    private const int BlockRows = Q8_0Dot.BlockRows;

    /// <summary>output (=|+=) W x for one matrix.</summary>
    public static void Q8_0(KernelContext context, ReadOnlySpan<float> x, Q8_0Product first) =>
        Run(context, x, first, default, default, 1);

    /// <summary>Both products of the same x, one quantization and one dispatch.</summary>
    public static void Q8_0(KernelContext context, ReadOnlySpan<float> x, Q8_0Product first, Q8_0Product second) =>
        Run(context, x, first, second, default, 2);

    /// <summary>All three products of the same x (attention's Q, K and V), one quantization and one dispatch.</summary>
    public static void Q8_0(KernelContext context, ReadOnlySpan<float> x, Q8_0Product first, Q8_0Product second, Q8_0Product third) =>
        Run(context, x, first, second, third, 3);

    /// <summary>
    /// The SwiGLU feed-forward input: hidden = SiLU(W_gate x) * (W_up x), both [rows x x.Length] Q8_0.
    /// Each thread gates the rows it computed, so the up projection never reaches memory.
    /// Bit-identical to two <see cref="Gemv.Q8_0"/> calls followed by <see cref="SwiGlu.ApplyInPlace"/>.
    /// </summary>
    public static void Q8_0SwiGlu(KernelContext context, ReadOnlySpan<byte> gateWeights, ReadOnlySpan<byte> upWeights, int rows, ReadOnlySpan<float> x, Span<float> hidden)
    {
        ArgumentNullException.ThrowIfNull(context);
        int cols = x.Length;
        Shape.EnsureQ8_0Matrix(gateWeights.Length, rows, cols, nameof(gateWeights), nameof(rows), "x.Length");
        Shape.EnsureQ8_0Matrix(upWeights.Length, rows, cols, nameof(upWeights), nameof(rows), "x.Length");
        Shape.EnsureVector(hidden.Length, rows, nameof(hidden), nameof(rows));
        using var lease = context.Enter();
        var activations = ActivationQuantizer.Quantize(context, x, 1, cols);
        fixed (byte* gate = gateWeights)
        fixed (byte* up = upWeights)
        fixed (byte* xq = activations.Bytes)
        fixed (float* xs = activations.Scales)
        fixed (float* h = hidden)
        {
            var job = new SwiGluJob { Isa = context.Isa, Gate = gate, Up = up, Blocks = cols / Formats.Q8_0.BlockSize, Xq = xq, XScales = xs, Hidden = h };

            // Each index is two rows' worth of reading (a gate row and an up row).
            context.Run(ref job, rows, BlockRows, Math.Max(1, MinRows(cols) / 2));
        }
    }

    private static void Run(KernelContext context, ReadOnlySpan<float> x, Q8_0Product first, Q8_0Product second, Q8_0Product third, int products)
    {
        ArgumentNullException.ThrowIfNull(context);
        int cols = x.Length;
        Check(first, cols, nameof(first));
        if (products > 1)
        {
            Check(second, cols, nameof(second));
        }

        if (products > 2)
        {
            Check(third, cols, nameof(third));
        }

        using var lease = context.Enter();

        // Quantized before any output is written, so an output may alias x.
        var activations = ActivationQuantizer.Quantize(context, x, 1, cols);
        fixed (byte* w0 = first.Weights)
        fixed (byte* w1 = second.Weights)
        fixed (byte* w2 = third.Weights)
        fixed (float* y0 = first.Output)
        fixed (float* y1 = second.Output)
        fixed (float* y2 = third.Output)
        fixed (byte* xq = activations.Bytes)
        fixed (float* xs = activations.Scales)
        {
            var job = new ProductsJob
            {
                Isa = context.Isa,
                Blocks = cols / Formats.Q8_0.BlockSize,
                Xq = xq,
                XScales = xs,
                First = new Segment(w0, y0, 0, first.Rows, first.Accumulate),
                Second = new Segment(w1, y1, Padded(first.Rows), second.Rows, second.Accumulate),
                Third = new Segment(w2, y2, Padded(first.Rows) + Padded(second.Rows), third.Rows, third.Accumulate),
            };
            int count = job.Third.Start + third.Rows;
            int threadsWorthWaking = Math.Max(1, (first.Rows + second.Rows + third.Rows) / MinRows(cols));
            context.Run(ref job, count, BlockRows, Math.Max(1, count / threadsWorthWaking));
        }
    }

    private static void Check(Q8_0Product product, int cols, string name)
    {
        if (product.Rows < 0 || cols % Formats.Q8_0.BlockSize != 0
            || product.Weights.Length != (long)product.Rows * (cols / Formats.Q8_0.BlockSize) * Formats.Q8_0.BlockBytes)
        {
            throw new ArgumentException(
                $"{name}: {product.Weights.Length} weight bytes are not a {product.Rows} x {cols} Q8_0 matrix (x.Length = {cols} must be a multiple of {Formats.Q8_0.BlockSize})", name);
        }

        if (product.Output.Length != product.Rows)
        {
            throw new ArgumentException($"{name}: output has length {product.Output.Length} but the matrix has {product.Rows} rows", name);
        }
    }

    private static int MinRows(int cols) => Math.Max(1, MinMacsPerThread / Math.Max(1, cols));

    private static int Padded(int rows) => (rows + BlockRows - 1) / BlockRows * BlockRows;

    /// <param name="start">Where the matrix's row 0 sits in the job's index range.</param>
    private readonly struct Segment(byte* weights, float* output, int start, int rows, bool accumulate)
    {
        public readonly byte* Weights = weights;
        public readonly float* Output = output;
        public readonly int Start = start;
        public readonly int Rows = rows;
        public readonly bool Accumulate = accumulate;
    }

    /// <summary>
    /// The rows of up to three matrices as one index range, [first | second | third], each padded to whole
    /// blocks so that no chunk straddles two matrices or starts inside a block (padding indices do nothing).
    /// </summary>
    private struct ProductsJob : IRangeJob
    {
        public KernelIsa Isa;
        public int Blocks;
        public byte* Xq;
        public float* XScales;
        public Segment First;
        public Segment Second;
        public Segment Third;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Execute(int start, int end)
        {
            Rows(First, start - First.Start, end - First.Start);
            Rows(Second, start - Second.Start, end - Second.Start);
            Rows(Third, start - Third.Start, end - Third.Start);
        }

        /// <summary>The part of [start, end) (in this segment's row numbers) that falls inside it.</summary>
        private readonly void Rows(in Segment segment, int start, int end)
        {
            start = Math.Max(start, 0);
            end = Math.Min(end, segment.Rows);
            if (start >= end)
            {
                return;
            }

            if (!segment.Accumulate)
            {
                Q8_0Dot.Rows(Isa, segment.Weights, Blocks, Xq, XScales, segment.Output, start, end);
                return;
            }

            float* staged = stackalloc float[BlockRows];
            for (int row = start; row < end; row += BlockRows)
            {
                int stop = Math.Min(row + BlockRows, end);

                // The kernel writes y[r] for r in [row, stop): shift the base so that lands in staged[0..].
                Q8_0Dot.Rows(Isa, segment.Weights, Blocks, Xq, XScales, staged - row, row, stop);
                for (int r = row; r < stop; r++)
                {
                    segment.Output[r] += staged[r - row];
                }
            }
        }
    }

    private struct SwiGluJob : IRangeJob
    {
        public KernelIsa Isa;
        public byte* Gate;
        public byte* Up;
        public int Blocks;
        public byte* Xq;
        public float* XScales;
        public float* Hidden;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Execute(int start, int end)
        {
            float* up = stackalloc float[BlockRows];
            for (int row = start; row < end; row += BlockRows)
            {
                int stop = Math.Min(row + BlockRows, end);
                Q8_0Dot.Rows(Isa, Gate, Blocks, Xq, XScales, Hidden, row, stop);
                Q8_0Dot.Rows(Isa, Up, Blocks, Xq, XScales, up - row, row, stop);
                for (int r = row; r < stop; r++)
                {
                    Hidden[r] = SwiGlu.Silu(Hidden[r]) * up[r - row];
                }
            }
        }
    }
}
