using Measure.Kernels.Dispatch;

namespace Measure.Kernels.Tests.Dispatch;

public class KernelRegistryTests
{
    private static readonly KernelIsa[] ScalarAndVector = [KernelIsa.Scalar, KernelIsa.Vector128];

    [Fact]
    public void Select_NothingForced_PicksWidestExecutable() =>
        Assert.Equal(KernelIsa.Vector128, KernelRegistry.Select(null, ScalarAndVector));

    [Theory]
    [InlineData("scalar", KernelIsa.Scalar)]
    [InlineData("VECTOR128", KernelIsa.Vector128)]
    [InlineData(" vector128 ", KernelIsa.Vector128)]
    public void Select_ForcedExecutable_PicksForced(string forced, KernelIsa expected) =>
        Assert.Equal(expected, KernelRegistry.Select(forced, ScalarAndVector));

    [Fact]
    public void Select_ForcedButNotExecutable_ThrowsNamingVariableAndIsa()
    {
        var error = Assert.Throws<PlatformNotSupportedException>(() => KernelRegistry.Select("avx512", ScalarAndVector));
        Assert.Contains("MEASURE_KERNEL_ISA=avx512", error.Message, StringComparison.Ordinal);
        Assert.Contains("scalar, vector128", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownName_ThrowsArgumentExceptionListingChoices()
    {
        var error = Assert.Throws<ArgumentException>(() => KernelRegistry.Parse("neon"));
        Assert.Contains("avx512, avx2, vector128, scalar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_EveryIsa_RoundTripsThroughParse()
    {
        foreach (var isa in Enum.GetValues<KernelIsa>())
        {
            Assert.Equal(isa, KernelRegistry.Parse(KernelRegistry.Name(isa)));
        }
    }

    [Fact]
    public void Executable_Always_StartsWithScalarAndContainsSelected()
    {
        Assert.Equal(KernelIsa.Scalar, KernelRegistry.Executable[0]);
        Assert.Contains(KernelRegistry.Selected, KernelRegistry.Executable);
    }

    [Fact]
    public void EnsureExecutable_UnsupportedIsa_Throws()
    {
        var missing = Enum.GetValues<KernelIsa>().Where(isa => !KernelRegistry.IsExecutable(isa)).ToList();
        foreach (var isa in missing)
        {
            Assert.Throws<PlatformNotSupportedException>(() => KernelRegistry.EnsureExecutable(isa));
        }

        KernelRegistry.EnsureExecutable(KernelIsa.Scalar);
    }
}
