using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Formats;
using Measure.Kernels.Linear;
using Measure.Kernels.Threading;

namespace Measure.Kernels.Tests.Linear;

public class ActivationQuantizerTests
{
    [Fact]
    public void Quantize_EveryIsaOnAwkwardValues_SameBytesAndScalesAsScalarQ8_0()
    {
        float[] awkward =
        [
            0f, -0f, 1e-45f, -1e-40f, 1e-38f, 0.5f, -0.5f, 1.5f, 2.5f, 63.5f, 127f, -127.5f, 65504f, 1e5f, -3e38f,
            float.MaxValue, float.PositiveInfinity, float.NegativeInfinity, float.NaN, 1f / 3f,
        ];
        var random = new Random(3);
        const int blocks = 64;
        var x = new float[blocks * 32];
        for (int b = 0; b < blocks; b++)
        {
            // Each block mixes a few awkward values into random data of a random magnitude.
            float magnitude = MathF.Pow(10, random.Next(-42, 39));
            for (int i = 0; i < 32; i++)
            {
                x[(b * 32) + i] = random.Next(6) == 0 ? awkward[random.Next(awkward.Length)] : (float)((random.NextDouble() * 2) - 1) * magnitude;
            }
        }

        // Exact halfway points: x = (k + 0.5) * d must round to even.
        for (int i = 0; i < 32; i++)
        {
            x[i] = i == 0 ? 127f : i - 15.5f;
        }

        var expected = new byte[Q8_0.ByteCount(x.Length)];
        Q8_0.Quantize(x, expected);
        foreach (var isa in TestData.Isas)
        {
            using var context = new KernelContext(2, isa);
            var quantized = ActivationQuantizer.Quantize(context, x, 1, x.Length);
            Assert.Equal(expected, quantized.Bytes.ToArray());
            for (int b = 0; b < blocks; b++)
            {
                float scale = HalfConversion.ToSingle((ushort)(expected[b * 34] | (expected[(b * 34) + 1] << 8)));
                Assert.Equal(BitConverter.SingleToInt32Bits(scale), BitConverter.SingleToInt32Bits(quantized.Scales[b]));
            }
        }
    }

    [Fact]
    public unsafe void TryQuantizeBlockAvx2_NaNOrInfinity_DeclinesSoTheScalarPathDecides()
    {
        if (!Avx2.IsSupported)
        {
            return;
        }

        var values = new float[32];
        values[7] = float.NaN;
        var block = new byte[34];
        fixed (float* v = values)
        fixed (byte* b = block)
        {
            Assert.False(ActivationQuantizer.TryQuantizeBlockAvx2(v, b));
            values[7] = float.NegativeInfinity;
            Assert.False(ActivationQuantizer.TryQuantizeBlockAvx2(v, b));
            values[7] = 2f;
            Assert.True(ActivationQuantizer.TryQuantizeBlockAvx2(v, b));
        }
    }
}
