namespace Measure.Workloads.Vision.Detection;

/// <summary>
/// Class-wise greedy non-maximum suppression: within each class, the highest-scoring box survives and
/// removes every box overlapping it by more than the IoU threshold; survivors of all classes are then
/// ranked by score. Ties break by input order, so the result is deterministic.
/// </summary>
public static class NonMaxSuppression
{
    public static IReadOnlyList<DetectedObject> Apply(IReadOnlyList<DetectedObject> candidates, float iouThreshold, int maxDetections)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (!(iouThreshold is >= 0f and <= 1f))
        {
            throw new ArgumentException($"iouThreshold must lie in [0, 1], got {iouThreshold}", nameof(iouThreshold));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxDetections);
        var kept = new List<(DetectedObject Item, int Index)>();
        foreach (var group in candidates.Select((d, i) => (Item: d, Index: i)).GroupBy(c => c.Item.ClassId))
        {
            var survivors = new List<(DetectedObject Item, int Index)>();
            foreach (var candidate in group.OrderByDescending(c => c.Item.Score).ThenBy(c => c.Index))
            {
                if (survivors.All(s => BoundingBox.IntersectionOverUnion(s.Item.Box, candidate.Item.Box) <= iouThreshold))
                {
                    survivors.Add(candidate);
                }
            }

            kept.AddRange(survivors);
        }

        return kept.OrderByDescending(k => k.Item.Score).ThenBy(k => k.Index).Take(maxDetections).Select(k => k.Item).ToList();
    }
}
