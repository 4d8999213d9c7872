namespace Measure.Workloads.Llm.Presets;

/// <summary>
/// SplitMix64: a tiny generator whose output is fixed by its specification, so seeded weights are
/// bit-identical on every device and runtime version (System.Random promises no such thing).
/// </summary>
public struct SeededRandom(ulong seed)
{
    private ulong _state = seed;

    public static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [-1, 1), from the top 24 bits (exactly representable in float).</summary>
    public float NextSigned() => ((int)(NextUInt64() >> 40) - (1 << 23)) * (1f / (1 << 23));
}
