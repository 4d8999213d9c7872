namespace Measure.Workloads.Vision.Model;

/// <summary>A named FP32 tensor: row-major values, their shape, and where its data starts in the file it came from.</summary>
public sealed record VisionTensor(string Name, int[] Shape, float[] Values, long? FileOffset = null)
{
    public static long Elements(IReadOnlyList<int> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (int dimension in shape)
        {
            count *= dimension;
        }

        return count;
    }

    public string ShapeText => "[" + string.Join(", ", Shape) + "]";
}
