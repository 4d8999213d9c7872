using Measure.Agent.Android.Adb;
using Measure.Agent.Android.Phone;
using Measure.Sensors.Sampling;

namespace Measure.Agent.Android.Sensing;

/// <summary>
/// First probe of a phone's sampler: refreshes the mirror once per tick so the probes after it (fuel gauge,
/// thermal zones, clocks) read this tick's values. It records no channel of its own; a phone that stopped
/// answering is remembered so the run can be failed instead of reported with a hole in it.
/// </summary>
public sealed class MirrorRefreshProbe(PhoneMirror mirror, IReadOnlyList<string> files) : ISensorProbe
{
    private volatile PhoneDisconnectedException? _disconnected;

    public IReadOnlyList<SensorChannel> Channels { get; } = [];

    // Not a "command" probe for the sampler's pacing: the whole point is to refresh at the sampling rate.
    public bool RunsExternalCommand => false;

    public PhoneDisconnectedException? Disconnected => _disconnected;

    public void Read(Span<double> values)
    {
        if (_disconnected is not null)
            return;
        try
        {
            mirror.Refresh(files);
        }
        catch (PhoneDisconnectedException ex)
        {
            _disconnected = ex;
        }
        catch (AdbException)
        {
            // A slow or failed round trip: this tick reads what is mirrored; the sampler never throws for a sensor.
        }
    }
}
