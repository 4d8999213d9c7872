using Measure.Workloads.Seeding;

namespace Measure.Workloads.Vision.Accuracy;

/// <summary>
/// Deterministic synthetic inputs for comparing precisions without a data set: smooth colour gradients
/// plus noise, already in the normalized range (about [-2, 2]) a real preprocessed photo has.
/// </summary>
public static class SeededImages
{
    public const ulong DefaultSeed = 0x1A6E_5EEDUL;

    /// <summary><paramref name="count"/> NHWC images of size x size x 3.</summary>
    public static IReadOnlyList<float[]> Create(int count, int size, ulong seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var images = new List<float[]>(count);
        var random = new SeededValues(seed);
        var slope = new float[9];
        for (int n = 0; n < count; n++)
        {
            var image = new float[size * size * 3];
            random.Fill(slope, 1.5f);
            for (int h = 0; h < size; h++)
            {
                float v = (2f * h / size) - 1f;
                for (int w = 0; w < size; w++)
                {
                    float u = (2f * w / size) - 1f;
                    for (int c = 0; c < 3; c++)
                    {
                        image[(((h * size) + w) * 3) + c] = (slope[c * 3] * u) + (slope[(c * 3) + 1] * v) + slope[(c * 3) + 2] + random.NextSymmetric(0.5f);
                    }
                }
            }

            images.Add(image);
        }

        return images;
    }
}
