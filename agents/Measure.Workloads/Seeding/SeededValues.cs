namespace Measure.Workloads.Seeding;

/// <summary>
/// Deterministic pseudo-random values (SplitMix64), identical on every device and runtime: workloads
/// built from a seed read the same weights everywhere, so their results are comparable.
/// </summary>
public struct SeededValues(ulong seed)
{
    private ulong state = seed;

    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [-scale, scale), from the top 24 bits so the float is exact.</summary>
    public float NextSymmetric(float scale) => ((int)(NextUInt64() >> 40) - (1 << 23)) * (scale / (1 << 23));

    public void Fill(Span<float> destination, float scale)
    {
        for (var i = 0; i < destination.Length; i++)
            destination[i] = NextSymmetric(scale);
    }
}
