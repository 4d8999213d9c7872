namespace Measure.Sensors.Sampling;

/// <summary>Everything a sampler recorded, one series per channel.</summary>
public sealed record SensorTrace(IReadOnlyList<ChannelSeries> Series)
{
    public ChannelSeries? Find(string channelName) => Series.FirstOrDefault(s => s.Channel.Name == channelName);

    public IEnumerable<ChannelSeries> OfKind(SensorChannelKind kind) => Series.Where(s => s.Channel.Kind == kind);
}
