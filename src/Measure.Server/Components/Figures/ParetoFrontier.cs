namespace Measure.Server.Components.Figures;

/// <summary>
/// The points no other point beats on both axes, each axis read in its declared direction. Returned in
/// increasing x so the frontier draws as one line.
/// </summary>
public static class ParetoFrontier
{
    public static IReadOnlyList<int> Indices(IReadOnlyList<(double X, double Y)> points, bool xLowerIsBetter, bool yLowerIsBetter)
    {
        ArgumentNullException.ThrowIfNull(points);
        var frontier = new List<int>();
        for (var i = 0; i < points.Count; i++)
        {
            var dominated = false;
            for (var j = 0; j < points.Count && !dominated; j++)
                dominated = j != i && Dominates(points[j], points[i], xLowerIsBetter, yLowerIsBetter);
            if (!dominated && !frontier.Any(k => points[k] == points[i]))
                frontier.Add(i);
        }
        return frontier.OrderBy(i => points[i].X).ToList();
    }

    private static bool Dominates((double X, double Y) a, (double X, double Y) b, bool xLower, bool yLower)
    {
        var xBetterOrEqual = xLower ? a.X <= b.X : a.X >= b.X;
        var yBetterOrEqual = yLower ? a.Y <= b.Y : a.Y >= b.Y;
        return xBetterOrEqual && yBetterOrEqual && (a.X != b.X || a.Y != b.Y);
    }
}
