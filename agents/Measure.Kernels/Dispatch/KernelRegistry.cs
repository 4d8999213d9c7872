using System.Runtime.Intrinsics.X86;

namespace Measure.Kernels.Dispatch;

/// <summary>
/// The one place that decides which kernel family runs. The best family the CPU can execute is chosen
/// unless <c>MEASURE_KERNEL_ISA</c> forces one (avx512|avx2|vector128|scalar), so every device can be
/// made to run exactly the same code path.
/// </summary>
public static class KernelRegistry
{
    /// <summary>Environment variable that forces a kernel family.</summary>
    public const string ForceVariable = "MEASURE_KERNEL_ISA";

    private static readonly KernelIsa[] ExecutableIsas = DetectExecutable();

    private static readonly Lazy<KernelIsa> LazySelected = new(
        () => Select(Environment.GetEnvironmentVariable(ForceVariable), ExecutableIsas));

    /// <summary>Every family this process can execute, scalar first, widest last.</summary>
    public static IReadOnlyList<KernelIsa> Executable { get; } = Array.AsReadOnly(ExecutableIsas);

    /// <summary>The family used by default: forced by <see cref="ForceVariable"/> or the widest executable one.</summary>
    public static KernelIsa Selected => LazySelected.Value;

    /// <summary>Whether this CPU and runtime can execute <paramref name="isa"/>.</summary>
    public static bool IsExecutable(KernelIsa isa) => Executable.Contains(isa);

    /// <summary>The lower-case name used by the environment variable and in run reports.</summary>
    public static string Name(KernelIsa isa) => isa switch
    {
        KernelIsa.Scalar => "scalar",
        KernelIsa.Vector128 => "vector128",
        KernelIsa.Avx2 => "avx2",
        KernelIsa.Avx512 => "avx512",
        _ => throw new ArgumentOutOfRangeException(nameof(isa), isa, "unknown kernel ISA"),
    };

    /// <summary>Parses a family name as written in <see cref="ForceVariable"/> (case-insensitive).</summary>
    public static KernelIsa Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "scalar" => KernelIsa.Scalar,
            "vector128" => KernelIsa.Vector128,
            "avx2" => KernelIsa.Avx2,
            "avx512" => KernelIsa.Avx512,
            _ => throw new ArgumentException(
                $"'{name}' is not a kernel ISA; expected one of avx512, avx2, vector128, scalar", nameof(name)),
        };
    }

    /// <summary>Throws when <paramref name="isa"/> cannot run here, naming what the CPU lacks.</summary>
    public static void EnsureExecutable(KernelIsa isa)
    {
        if (!IsExecutable(isa))
        {
            throw new PlatformNotSupportedException(
                $"kernel ISA '{Name(isa)}' cannot run on this CPU; executable here: " +
                string.Join(", ", Executable.Select(Name)));
        }
    }

    /// <summary>Pure selection rule: the forced family if any (validated), else the widest executable one.</summary>
    internal static KernelIsa Select(string? forced, IReadOnlyList<KernelIsa> executable)
    {
        if (string.IsNullOrWhiteSpace(forced))
        {
            return executable[^1];
        }

        var isa = Parse(forced);
        if (!executable.Contains(isa))
        {
            throw new PlatformNotSupportedException(
                $"{ForceVariable}={forced} forces kernel ISA '{Name(isa)}', which this CPU cannot run; executable here: " +
                string.Join(", ", executable.Select(Name)));
        }

        return isa;
    }

    private static KernelIsa[] DetectExecutable()
    {
        var list = new List<KernelIsa> { KernelIsa.Scalar };
        if (System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)
        {
            list.Add(KernelIsa.Vector128);
        }

        if (Avx2.IsSupported && Fma.IsSupported)
        {
            list.Add(KernelIsa.Avx2);
            if (Avx512F.IsSupported && Avx512BW.IsSupported)
            {
                list.Add(KernelIsa.Avx512);
            }
        }

        return [.. list];
    }
}
