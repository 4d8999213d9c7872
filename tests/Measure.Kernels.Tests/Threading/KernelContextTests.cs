using Measure.Kernels.Dispatch;
using Measure.Kernels.Linear;
using Measure.Kernels.Tests.Linear;
using Measure.Kernels.Threading;

namespace Measure.Kernels.Tests.Threading;

public class KernelContextTests
{
    [Fact]
    public void Constructor_Defaults_UseAllCoresAndSelectedIsa()
    {
        using var context = new KernelContext();
        Assert.Equal(Environment.ProcessorCount, context.Threads);
        Assert.Equal(KernelRegistry.Selected, context.Isa);
    }

    [Fact]
    public void Constructor_ZeroThreads_ThrowsNamingThreads()
    {
        var error = Assert.Throws<ArgumentException>(() => new KernelContext(0));
        Assert.Equal("threads", error.ParamName);
    }

    [Fact]
    public void Constructor_IsaTheCpuCannotRun_Throws()
    {
        foreach (var isa in Enum.GetValues<KernelIsa>().Where(isa => !KernelRegistry.IsExecutable(isa)))
        {
            Assert.Throws<PlatformNotSupportedException>(() => new KernelContext(1, isa));
        }
    }

    [Fact]
    public void GemvAndGemm_RepeatedCallsOnManyThreads_AllocateNothing()
    {
        using var context = new KernelContext(4);
        var weights = TestData.Floats(new Random(1), 512 * 256);
        var x = TestData.Floats(new Random(2), 256);
        var y = new float[512];
        var q8 = GemvReference.QuantizeRows(weights);
        var tokens = TestData.Floats(new Random(3), 8 * 256);
        var output = new float[8 * 512];
        Gemv.F32(context, weights, 512, 256, x, y);
        Gemv.Q8_0(context, q8, 512, 256, x, y);
        Gemm.Q8_0(context, q8, 512, 256, tokens, 8, output);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
        {
            Gemv.F32(context, weights, 512, 256, x, y);
            Gemv.Q8_0(context, q8, 512, 256, x, y);
            Gemm.Q8_0(context, q8, 512, 256, tokens, 8, output);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Gemv_ManyThreads_SameResultAsOneThread()
    {
        var weights = TestData.Floats(new Random(4), 1000 * 64);
        var x = TestData.Floats(new Random(5), 64);
        var one = new float[1000];
        var many = new float[1000];
        using (var single = new KernelContext(1))
        {
            Gemv.F32(single, weights, 1000, 64, x, one);
        }

        using (var pool = new KernelContext(5))
        {
            Gemv.F32(pool, weights, 1000, 64, x, many);
        }

        Assert.Equal(one, many);
    }
}
