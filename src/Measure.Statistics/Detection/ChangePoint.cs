namespace Measure.Statistics.Detection;

/// <summary>A level shift: the series' segment starting at Index differs from the segment before it.</summary>
public sealed record ChangePoint(int Index, double MedianBefore, double MedianAfter)
{
    /// <summary>(after - before) / |before|; NaN when the earlier median is zero.</summary>
    public double RelativeChange => MedianBefore == 0 ? double.NaN : (MedianAfter - MedianBefore) / Math.Abs(MedianBefore);
}
