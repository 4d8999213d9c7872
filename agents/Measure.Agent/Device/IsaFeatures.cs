using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Measure.Agent.Device;

/// <summary>The instruction-set extensions the runtime reports as usable on this CPU.</summary>
public static class IsaFeatures
{
    public static IReadOnlyList<string> Detect()
    {
        var features = new List<string>();
        void Add(bool supported, string name)
        {
            if (supported)
                features.Add(name);
        }
        Add(Sse42.IsSupported, "sse4.2");
        Add(Avx.IsSupported, "avx");
        Add(Avx2.IsSupported, "avx2");
        Add(Fma.IsSupported, "fma");
        Add(AvxVnni.IsSupported, "avx-vnni");
        Add(Avx512F.IsSupported, "avx512f");
        Add(Avx512BW.IsSupported, "avx512bw");
        Add(AdvSimd.IsSupported, "asimd");
        Add(AdvSimd.Arm64.IsSupported, "asimd64");
        Add(Dp.IsSupported, "asimddp");
        Add(Rdm.IsSupported, "asimdrdm");
        return features;
    }
}
