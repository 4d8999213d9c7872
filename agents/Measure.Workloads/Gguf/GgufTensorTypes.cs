namespace Measure.Workloads.Gguf;

/// <summary>Sizes of the supported tensor types and names of the ones we refuse.</summary>
public static class GgufTensorTypes
{
    /// <summary>Elements per Q8_0 block: one FP16 scale followed by 32 signed bytes.</summary>
    public const int Q8BlockElements = 32;

    /// <summary>Bytes per Q8_0 block (2-byte FP16 scale + 32 int8 values).</summary>
    public const int Q8BlockBytes = 34;

    private static readonly string[] GgmlTypeNames =
    [
        "F32", "F16", "Q4_0", "Q4_1", "Q4_2", "Q4_3", "Q5_0", "Q5_1", "Q8_0", "Q8_1", "Q2_K", "Q3_K", "Q4_K",
        "Q5_K", "Q6_K", "Q8_K", "IQ2_XXS", "IQ2_XS", "IQ3_XXS", "IQ1_S", "IQ4_NL", "IQ3_S", "IQ2_S", "IQ4_XS",
        "I8", "I16", "I32", "I64", "F64", "IQ1_M", "BF16", "Q4_0_4_4", "Q4_0_4_8", "Q4_0_8_8", "TQ1_0", "TQ2_0",
    ];

    public static bool IsSupported(uint code) => code is (uint)GgufTensorType.F32 or (uint)GgufTensorType.F16 or (uint)GgufTensorType.Q8_0;

    /// <summary>The ggml name of a type code, for error messages ("Q4_K (12)").</summary>
    public static string Describe(uint code) =>
        code < GgmlTypeNames.Length ? $"{GgmlTypeNames[code]} ({code})" : $"unknown type code {code}";

    /// <summary>Elements that must divide the row length (ne[0]) for this type.</summary>
    public static int BlockElements(GgufTensorType type) => type == GgufTensorType.Q8_0 ? Q8BlockElements : 1;

    /// <summary>Bytes holding <paramref name="elements"/> values, or -1 when it is not a whole number of blocks.</summary>
    public static long ByteSize(GgufTensorType type, long elements) => type switch
    {
        GgufTensorType.F32 => checked(elements * 4),
        GgufTensorType.F16 => checked(elements * 2),
        GgufTensorType.Q8_0 => elements % Q8BlockElements == 0 ? checked(elements / Q8BlockElements * Q8BlockBytes) : -1,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unsupported tensor type"),
    };
}
