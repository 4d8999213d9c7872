using FsCheck;
using FsCheck.Fluent;
using Measure.Kernels.Dispatch;

namespace Measure.Kernels.Tests;

/// <summary>Random operands and the ISA list every kernel test iterates over.</summary>
internal static class TestData
{
    public static IEnumerable<KernelIsa> Isas => KernelRegistry.Executable;

    public static float[] Floats(Random random, int count, float scale = 1f)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1) * scale;
        }

        return values;
    }

    public static Arbitrary<int> Ints(int min, int max) => Gen.Choose(min, max).ToArbitrary();

    /// <summary>Runs <paramref name="property"/> over random (a, b, seed) triples; throws on the first failure.</summary>
    public static void Check(int maxA, int maxB, Action<int, int, int> property, int runs = 60)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(runs);
        Prop.ForAll(Ints(0, maxA), Ints(0, maxB), Ints(0, int.MaxValue), property).Check(config);
    }
}
