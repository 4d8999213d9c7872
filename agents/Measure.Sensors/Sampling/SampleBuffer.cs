namespace Measure.Sensors.Sampling;

/// <summary>
/// Timestamps and values of one probe, in arrays preallocated for the expected run and doubled
/// when full, so that the sampling thread does not allocate per tick.
/// </summary>
internal sealed class SampleBuffer
{
    private readonly int _channels;
    private long[] _timestamps;
    private double[] _values;

    public SampleBuffer(int channels, int initialCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCapacity);
        _channels = channels;
        _timestamps = new long[initialCapacity];
        _values = new double[initialCapacity * channels];
    }

    public int Count { get; private set; }

    public void Append(long timestamp, ReadOnlySpan<double> values)
    {
        if (values.Length != _channels)
            throw new ArgumentException($"Expected {_channels} values, got {values.Length}.", nameof(values));
        if (Count == _timestamps.Length)
        {
            Array.Resize(ref _timestamps, _timestamps.Length * 2);
            Array.Resize(ref _values, _timestamps.Length * _channels);
        }
        _timestamps[Count] = timestamp;
        values.CopyTo(_values.AsSpan(Count * _channels, _channels));
        Count++;
    }

    public long[] CopyTimestamps() => _timestamps.AsSpan(0, Count).ToArray();

    public double[] CopyChannel(int channel)
    {
        var column = new double[Count];
        for (var i = 0; i < Count; i++)
            column[i] = _values[i * _channels + channel];
        return column;
    }
}
