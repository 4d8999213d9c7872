using Measure.Server.Components.Figures;

namespace Measure.Server.Tests.Components.Figures;

public sealed class ParetoFrontierTests
{
    [Fact]
    public void Indices_LowerXHigherY_KeepsOnlyUndominatedPointsInXOrder()
    {
        // (latency, accuracy): 1 is beaten by 0 (faster and as accurate), 3 by 2.
        var points = new List<(double, double)> { (10, 0.9), (12, 0.9), (20, 0.99), (25, 0.95), (5, 0.5) };

        var frontier = ParetoFrontier.Indices(points, xLowerIsBetter: true, yLowerIsBetter: false);

        Assert.Equal([4, 0, 2], frontier);
    }

    [Fact]
    public void Indices_EveryNonFrontierPointIsDominatedByAFrontierPoint()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 50; trial++)
        {
            var points = Enumerable.Range(0, 30).Select(_ => (random.Next(20) * 1.0, random.Next(20) * 1.0)).ToList();

            var frontier = ParetoFrontier.Indices(points, xLowerIsBetter: true, yLowerIsBetter: true);

            for (var i = 0; i < points.Count; i++)
            {
                var onFrontier = frontier.Any(f => points[f] == points[i]);
                var dominated = frontier.Any(f => points[f].Item1 <= points[i].Item1 && points[f].Item2 <= points[i].Item2 && points[f] != points[i]);
                Assert.True(onFrontier ^ dominated, $"point {points[i]} must be on the frontier or dominated by it, not both or neither");
            }
        }
    }
}
