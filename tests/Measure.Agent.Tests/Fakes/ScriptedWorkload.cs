using Measure.Workloads.Micro;

namespace Measure.Agent.Tests.Fakes;

/// <summary>A workload whose iterations "take" scripted times on a <see cref="FakeClock"/>.</summary>
public sealed class ScriptedWorkload(FakeClock clock, Func<int, double> millisecondsOfIteration) : IIterationWorkload
{
    public int Calls { get; private set; }

    public string Name => "scripted";

    public string Precision => "f32";

    public string Isa => "scalar";

    public int Threads => 1;

    public IReadOnlyDictionary<string, string> Parameters { get; } = new Dictionary<string, string>();

    public long WeightBytesPerIteration => 1_000_000;

    public double OperationsPerIteration => 2_000_000;

    public void RunIteration() => clock.AdvanceMilliseconds(millisecondsOfIteration(Calls++));

    public void Dispose()
    {
    }
}

/// <summary>A clock that only moves when told: iteration timing without real time.</summary>
public sealed class FakeClock
{
    public const long TicksPerSecond = 1_000_000;

    public long Now { get; private set; } = 1_000;

    public void AdvanceMilliseconds(double milliseconds) => Now += (long)Math.Round(milliseconds * 1000);

    public Measure.Agent.Running.IterationClock AsIterationClock() => new(() => Now, TicksPerSecond);
}
