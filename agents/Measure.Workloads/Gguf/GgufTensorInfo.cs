namespace Measure.Workloads.Gguf;

/// <summary>
/// One entry of the tensor table. <see cref="Dimensions"/> are in ggml order: Dimensions[0] is the
/// contiguous one, so a matrix [cols, rows] is stored row-major as rows x cols.
/// </summary>
public sealed record GgufTensorInfo(
    string Name,
    IReadOnlyList<long> Dimensions,
    GgufTensorType Type,
    long RelativeOffset,
    long AbsoluteOffset,
    long ByteSize)
{
    public long ElementCount => Dimensions.Aggregate(1L, (product, d) => product * d);

    /// <summary>Length of one row (ggml ne[0]).</summary>
    public long Columns => Dimensions[0];

    /// <summary>Number of rows: the product of every dimension after the first.</summary>
    public long Rows => ElementCount / Dimensions[0];

    public string ShapeText => "[" + string.Join(", ", Dimensions) + "]";
}
