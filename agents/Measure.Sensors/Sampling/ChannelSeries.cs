namespace Measure.Sensors.Sampling;

/// <summary>
/// The samples of one channel: timestamps on <see cref="MonotonicClock"/> and values (NaN = unreadable at that tick).
/// </summary>
public sealed record ChannelSeries
{
    public ChannelSeries(SensorChannel channel, IReadOnlyList<long> timestamps, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(timestamps);
        ArgumentNullException.ThrowIfNull(values);
        if (timestamps.Count != values.Count)
            throw new ArgumentException($"Channel {channel.Name}: {timestamps.Count} timestamps but {values.Count} values.", nameof(values));
        for (var i = 1; i < timestamps.Count; i++)
        {
            if (timestamps[i] < timestamps[i - 1])
                throw new ArgumentException($"Channel {channel.Name}: timestamp {i} goes backwards.", nameof(timestamps));
        }
        Channel = channel;
        Timestamps = timestamps;
        Values = values;
    }

    public SensorChannel Channel { get; }

    public IReadOnlyList<long> Timestamps { get; }

    public IReadOnlyList<double> Values { get; }

    public int Count => Values.Count;
}
