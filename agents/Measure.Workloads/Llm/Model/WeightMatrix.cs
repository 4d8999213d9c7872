using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Measure.Kernels.Formats;
using Measure.Kernels.Linear;
using Measure.Kernels.Threading;

namespace Measure.Workloads.Llm.Model;

/// <summary>
/// A row-major [rows x cols] weight matrix in its storage precision, either viewing a memory-mapped
/// GGUF tensor in place or owning a pinned buffer (seeded or converted weights). y = W x runs on the
/// bundled GEMV kernels without ever widening the matrix.
/// </summary>
public sealed unsafe class WeightMatrix
{
    private readonly byte* _data;
    private readonly object _owner; // keeps the mapping or the pinned array alive as long as this view

    private WeightMatrix(string name, WeightPrecision precision, int rows, int cols, byte* data, object owner)
    {
        Name = name;
        Precision = precision;
        Rows = rows;
        Cols = cols;
        _data = data;
        _owner = owner;
    }

    public string Name { get; }

    public WeightPrecision Precision { get; }

    public int Rows { get; }

    public int Cols { get; }

    public long ByteSize => WeightPrecisions.MatrixBytes(Precision, Rows, Cols);

    /// <summary>The stored bytes (GGUF layout: FP32, FP16 or 34-byte Q8_0 blocks).</summary>
    public ReadOnlySpan<byte> Bytes => new(_data, (int)ByteSize);

    /// <summary>Views memory the caller keeps alive through <paramref name="owner"/> (a mapped file).</summary>
    internal static WeightMatrix View(string name, WeightPrecision precision, int rows, int cols, ReadOnlySpan<byte> bytes, object owner)
    {
        CheckLength(name, precision, rows, cols, bytes.Length);
        return new WeightMatrix(name, precision, rows, cols, (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(bytes)), owner);
    }

    /// <summary>Allocates a pinned buffer and lets <paramref name="fill"/> write the stored bytes.</summary>
    public static WeightMatrix Create(string name, WeightPrecision precision, int rows, int cols, SpanAction fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (rows <= 0 || cols <= 0 || (precision == WeightPrecision.Q8_0 && cols % Q8_0.BlockSize != 0))
        {
            throw new ArgumentException($"matrix '{name}' cannot be {rows} x {cols} in {WeightPrecisions.Name(precision)}", nameof(cols));
        }

        var bytes = WeightPrecisions.MatrixBytes(precision, rows, cols);
        if (bytes > Array.MaxLength)
        {
            throw new ArgumentException($"matrix '{name}' of {bytes} bytes exceeds the 2 GiB a single tensor may have", nameof(rows));
        }

        var buffer = GC.AllocateUninitializedArray<byte>((int)bytes, pinned: true);
        fill(buffer);
        return new WeightMatrix(name, precision, rows, cols, (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer)), buffer);
    }

    public delegate void SpanAction(Span<byte> destination);

    /// <summary>y[rows] = W x[cols].</summary>
    public void Multiply(KernelContext context, ReadOnlySpan<float> x, Span<float> y)
    {
        switch (Precision)
        {
            case WeightPrecision.F32:
                Gemv.F32(context, MemoryMarshal.Cast<byte, float>(Bytes), Rows, Cols, x, y);
                break;
            case WeightPrecision.F16:
                Gemv.F16(context, MemoryMarshal.Cast<byte, Half>(Bytes), Rows, Cols, x, y);
                break;
            default:
                Gemv.Q8_0(context, Bytes, Rows, Cols, x, y);
                break;
        }
    }

    /// <summary>Y[tokens x rows] = X[tokens x cols] W^T: a whole prompt against one pass over the matrix.</summary>
    public void MultiplyBatch(KernelContext context, ReadOnlySpan<float> x, int tokens, Span<float> y)
    {
        if (tokens == 1)
        {
            Multiply(context, x, y);
            return;
        }

        switch (Precision)
        {
            case WeightPrecision.F32:
                Gemm.F32(context, MemoryMarshal.Cast<byte, float>(Bytes), Rows, Cols, x, tokens, y);
                break;
            case WeightPrecision.F16:
                Gemm.F16(context, MemoryMarshal.Cast<byte, Half>(Bytes), Rows, Cols, x, tokens, y);
                break;
            default:
                Gemm.Q8_0(context, Bytes, Rows, Cols, x, tokens, y);
                break;
        }
    }

    /// <summary>Row <paramref name="row"/> widened to FP32 (an embedding lookup).</summary>
    public void ReadRow(int row, Span<float> destination)
    {
        if ((uint)row >= (uint)Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"'{Name}' has {Rows} rows");
        }

        var rowBytes = (int)WeightPrecisions.MatrixBytes(Precision, 1, Cols);
        var bytes = Bytes.Slice(row * rowBytes, rowBytes);
        switch (Precision)
        {
            case WeightPrecision.F32:
                MemoryMarshal.Cast<byte, float>(bytes).CopyTo(destination);
                break;
            case WeightPrecision.F16:
                Fp16.Dequantize(MemoryMarshal.Cast<byte, Half>(bytes), destination);
                break;
            default:
                Q8_0.Dequantize(bytes, destination);
                break;
        }
    }

    /// <summary>This matrix in another precision (a fresh buffer), or itself when the precision already matches.</summary>
    public WeightMatrix ConvertTo(WeightPrecision target)
    {
        if (target == Precision)
        {
            return this;
        }

        return Create(Name, target, Rows, Cols, destination =>
        {
            var rowFloats = new float[Cols];
            var targetRowBytes = (int)WeightPrecisions.MatrixBytes(target, 1, Cols);
            for (int r = 0; r < Rows; r++)
            {
                ReadRow(r, rowFloats);
                var slice = destination.Slice(r * targetRowBytes, targetRowBytes);
                switch (target)
                {
                    case WeightPrecision.F32:
                        MemoryMarshal.AsBytes(rowFloats.AsSpan()).CopyTo(slice);
                        break;
                    case WeightPrecision.F16:
                        Fp16.Quantize(rowFloats, MemoryMarshal.Cast<byte, Half>(slice));
                        break;
                    default:
                        Q8_0.Quantize(rowFloats, slice);
                        break;
                }
            }
        });
    }

    private static void CheckLength(string name, WeightPrecision precision, int rows, int cols, int length)
    {
        if (WeightPrecisions.MatrixBytes(precision, rows, cols) != length)
        {
            throw new ArgumentException($"matrix '{name}' of {rows} x {cols} {WeightPrecisions.Name(precision)} cannot hold {length} bytes", nameof(length));
        }
    }

    public override string ToString() => $"{Name} [{Rows} x {Cols}] {WeightPrecisions.Name(Precision)}";

    internal object Owner => _owner;
}
