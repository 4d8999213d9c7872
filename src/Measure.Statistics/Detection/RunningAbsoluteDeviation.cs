namespace Measure.Statistics.Detection;

/// <summary>
/// sum |x - median| of a growing sample in O(log n) per value: two heaps split the sample at its median, and
/// the cost is the upper half's sum minus the lower half's.
/// </summary>
internal sealed class RunningAbsoluteDeviation
{
    private readonly PriorityQueue<double, double> _lower = new(); // max-heap via negated priority
    private readonly PriorityQueue<double, double> _upper = new();
    private double _lowerSum;
    private double _upperSum;

    public void Add(double value)
    {
        if (_lower.Count == 0 || value <= _lower.Peek())
        {
            _lower.Enqueue(value, -value);
            _lowerSum += value;
        }
        else
        {
            _upper.Enqueue(value, value);
            _upperSum += value;
        }

        if (_lower.Count > _upper.Count + 1)
        {
            var moved = _lower.Dequeue();
            _lowerSum -= moved;
            _upper.Enqueue(moved, moved);
            _upperSum += moved;
        }
        else if (_upper.Count > _lower.Count)
        {
            var moved = _upper.Dequeue();
            _upperSum -= moved;
            _lower.Enqueue(moved, -moved);
            _lowerSum += moved;
        }
    }

    /// <summary>sum |x - median| over the values added so far.</summary>
    public double Cost => _lower.Count > _upper.Count ? _upperSum - _lowerSum + _lower.Peek() : _upperSum - _lowerSum;
}
