namespace Measure.Workloads.Vision.Model;

/// <summary>A named FP32 tensor: row-major values and their shape.</summary>
public sealed record VisionTensor(string Name, int[] Shape, float[] Values)
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
