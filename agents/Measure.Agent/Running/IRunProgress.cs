namespace Measure.Agent.Running;

/// <summary>What a run reports while it goes: which workload, which phase, how far, how long to go.</summary>
public interface IRunProgress
{
    void Workload(int index, int count, string name);

    void Phase(string phase);

    /// <param name="done">Iterations done in this phase.</param>
    /// <param name="target">The phase's iteration target (warm-up: its maximum).</param>
    /// <param name="elapsedSeconds">Time spent in this phase.</param>
    /// <param name="remainingSeconds">Estimated time left in this phase, when known.</param>
    void Iterations(int done, int target, double elapsedSeconds, double? remainingSeconds);

    void Message(string text);
}

/// <summary>For --json, --quiet, redirected output and CI: nothing on the terminal.</summary>
public sealed class SilentProgress : IRunProgress
{
    public static SilentProgress Instance { get; } = new();

    public void Workload(int index, int count, string name)
    {
    }

    public void Phase(string phase)
    {
    }

    public void Iterations(int done, int target, double elapsedSeconds, double? remainingSeconds)
    {
    }

    public void Message(string text)
    {
    }
}
