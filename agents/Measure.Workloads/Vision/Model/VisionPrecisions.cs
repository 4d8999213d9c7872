namespace Measure.Workloads.Vision.Model;

/// <summary>The names precisions carry in suites and results ("f32", "f16", "int8").</summary>
public static class VisionPrecisions
{
    public static string Name(VisionPrecision precision) => precision switch
    {
        VisionPrecision.F32 => "f32",
        VisionPrecision.F16 => "f16",
        VisionPrecision.Int8 => "int8",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown vision precision"),
    };

    public static VisionPrecision Parse(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "f32" or "fp32" => VisionPrecision.F32,
        "f16" or "fp16" => VisionPrecision.F16,
        "int8" or "i8" or "w8a8" => VisionPrecision.Int8,
        _ => throw new ArgumentException($"unknown vision precision '{name}' (expected f32, f16 or int8)", nameof(name)),
    };
}
