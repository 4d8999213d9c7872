namespace Measure.Kernels.Linear;

/// <summary>
/// One matrix of a fused Q8_0 product: a row-major [<see cref="Rows"/> x cols] Q8_0 matrix (GGUF blocks)
/// and where its rows go. With <see cref="Accumulate"/> the product is added to the output (a residual
/// add fused into the matrix product: output[r] = output[r] + (W x)[r], the same rounding as a separate add).
/// </summary>
public readonly ref struct Q8_0Product
{
    public Q8_0Product(ReadOnlySpan<byte> weights, int rows, Span<float> output, bool accumulate = false)
    {
        Weights = weights;
        Rows = rows;
        Output = output;
        Accumulate = accumulate;
    }

    public ReadOnlySpan<byte> Weights { get; }

    public int Rows { get; }

    public Span<float> Output { get; }

    public bool Accumulate { get; }
}
