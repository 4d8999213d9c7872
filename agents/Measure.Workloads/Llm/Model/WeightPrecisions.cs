using Measure.Workloads.Gguf;

namespace Measure.Workloads.Llm.Model;

/// <summary>Names and sizes of <see cref="WeightPrecision"/> values as the CLI and reports spell them.</summary>
public static class WeightPrecisions
{
    public static string Name(WeightPrecision precision) => precision switch
    {
        WeightPrecision.F32 => "f32",
        WeightPrecision.F16 => "f16",
        WeightPrecision.Q8_0 => "q8_0",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown precision"),
    };

    /// <summary>Parses f32 | f16 | q8_0 (case-insensitive; fp32, fp16, q8 also accepted).</summary>
    public static WeightPrecision Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "f32" or "fp32" => WeightPrecision.F32,
            "f16" or "fp16" => WeightPrecision.F16,
            "q8_0" or "q8" or "int8" => WeightPrecision.Q8_0,
            _ => throw new ArgumentException($"'{text}' is not a precision; expected f32, f16 or q8_0", nameof(text)),
        };
    }

    public static WeightPrecision FromTensorType(GgufTensorType type) => type switch
    {
        GgufTensorType.F32 => WeightPrecision.F32,
        GgufTensorType.F16 => WeightPrecision.F16,
        GgufTensorType.Q8_0 => WeightPrecision.Q8_0,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unsupported tensor type"),
    };

    /// <summary>Bytes of a row-major [rows x cols] matrix in this precision.</summary>
    public static long MatrixBytes(WeightPrecision precision, long rows, long cols) => precision switch
    {
        WeightPrecision.F32 => rows * cols * 4,
        WeightPrecision.F16 => rows * cols * 2,
        WeightPrecision.Q8_0 => rows * (cols / GgufTensorTypes.Q8BlockElements) * GgufTensorTypes.Q8BlockBytes,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown precision"),
    };
}
