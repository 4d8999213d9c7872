namespace Measure.Sensors.Sampling;

/// <summary>
/// Reads a set of probes on a dedicated background thread at a fixed rate, timestamping every
/// read on <see cref="MonotonicClock"/>, and measures its own CPU cost. Start it before the idle
/// baseline, take phase marks with <see cref="MonotonicClock.Now"/>, stop it after the workload.
/// </summary>
public sealed class SensorSampler : IDisposable
{
    private readonly ISensorProbe[] _probes;
    private readonly SampleBuffer[] _buffers;
    private readonly SamplerOptions _options;
    private readonly ManualResetEventSlim _stop = new();
    private readonly Lock _gate = new();
    private Thread? _thread;
    private long _startTimestamp;
    private long _stopTimestamp;
    private long _ticks;
    private long _missedTicks;
    private TimeSpan? _threadCpu;
    private TimeSpan? _childCpuAtStart;
    private TimeSpan? _childCpuAtStop;
    private Exception? _failure;

    public SensorSampler(IEnumerable<ISensorProbe> probes, SamplerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(probes);
        _probes = probes.ToArray();
        _options = options ?? new SamplerOptions();
        var capacity = (int)Math.Clamp(_options.RateHz * _options.ExpectedDurationSeconds, 16, 1 << 20);
        _buffers = _probes.Select(p => new SampleBuffer(p.Channels.Count, capacity)).ToArray();
    }

    public SamplerOptions Options => _options;

    public bool IsRunning => _thread is { IsAlive: true };

    public void Start()
    {
        if (_thread is not null)
            throw new InvalidOperationException("This sampler has already been started; create a new one per run.");
        _childCpuAtStart = ThreadCpuClock.FinishedChildren();
        _startTimestamp = MonotonicClock.Now;
        _thread = new Thread(Run) { IsBackground = true, Name = "measure-sensor-sampler", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Stops sampling and waits for the thread; safe to call more than once.</summary>
    public void Stop()
    {
        if (_thread is null)
            return;
        _stop.Set();
        _thread.Join();
        if (_stopTimestamp == 0)
        {
            _stopTimestamp = MonotonicClock.Now;
            _childCpuAtStop = ThreadCpuClock.FinishedChildren();
        }
        if (_failure is not null)
            throw new InvalidOperationException("The sensor sampler thread failed.", _failure);
    }

    /// <summary>A copy of everything recorded so far (callable while running).</summary>
    public SensorTrace Snapshot()
    {
        var series = new List<ChannelSeries>();
        lock (_gate)
        {
            for (var p = 0; p < _probes.Length; p++)
            {
                var timestamps = _buffers[p].CopyTimestamps();
                var channels = _probes[p].Channels;
                for (var c = 0; c < channels.Count; c++)
                    series.Add(new ChannelSeries(channels[c], timestamps, _buffers[p].CopyChannel(c)));
            }
        }
        return new SensorTrace(series);
    }

    /// <summary>The sampler's own cost so far (or in total once stopped).</summary>
    public SamplerCost Cost()
    {
        var end = _stopTimestamp != 0 ? _stopTimestamp : MonotonicClock.Now;
        var childNow = _stopTimestamp != 0 ? _childCpuAtStop : ThreadCpuClock.FinishedChildren();
        lock (_gate)
        {
            return new SamplerCost(
                _options.RateHz,
                _ticks,
                _missedTicks,
                _thread is null ? TimeSpan.Zero : TimeSpan.FromSeconds(MonotonicClock.SecondsBetween(_startTimestamp, end)),
                _threadCpu,
                childNow - _childCpuAtStart);
        }
    }

    public void Dispose()
    {
        _stop.Set();
        _thread?.Join();
        _stop.Dispose();
    }

    private void Run()
    {
        try
        {
            Loop();
        }
        catch (Exception e)
        {
            // Surfaced by Stop(): a sampler that died must not look like a quiet sensor.
            _failure = e;
        }
    }

    private void Loop()
    {
        var period = MonotonicClock.FromSeconds(1 / _options.RateHz);
        var commandPeriod = MonotonicClock.FromSeconds(1 / _options.CommandRateHz);
        var widest = _probes.Length == 0 ? 0 : _probes.Max(p => p.Channels.Count);
        var values = new double[widest];
        var cpuAtStart = ThreadCpuClock.CurrentThread();
        var nextTick = _startTimestamp;
        var nextCommandTick = _startTimestamp;

        while (!_stop.IsSet)
        {
            var readCommands = MonotonicClock.Now >= nextCommandTick;
            for (var p = 0; p < _probes.Length; p++)
            {
                var probe = _probes[p];
                if (probe.RunsExternalCommand && !readCommands)
                    continue;
                var span = values.AsSpan(0, probe.Channels.Count);
                var timestamp = MonotonicClock.Now;
                probe.Read(span);
                lock (_gate)
                    _buffers[p].Append(timestamp, span);
            }
            if (readCommands)
                nextCommandTick += commandPeriod * Math.Max(1, (MonotonicClock.Now - nextCommandTick) / commandPeriod + 1);

            var cpuNow = ThreadCpuClock.CurrentThread();
            lock (_gate)
            {
                _ticks++;
                _threadCpu = cpuNow - cpuAtStart;
            }

            nextTick += period;
            var now = MonotonicClock.Now;
            if (now > nextTick)
            {
                // Reads overran one or more periods: skip them rather than sample in a burst.
                var missed = (now - nextTick) / period + 1;
                nextTick += missed * period;
                lock (_gate)
                    _missedTicks += missed;
            }
            _stop.Wait(TimeSpan.FromSeconds(MonotonicClock.SecondsBetween(now, nextTick)));
        }
    }
}
