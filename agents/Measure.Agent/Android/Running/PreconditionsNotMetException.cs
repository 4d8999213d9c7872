namespace Measure.Agent.Android.Running;

/// <summary>The phone is not in the state the run requires; the run was not started.</summary>
public sealed class PreconditionsNotMetException(string serial, IReadOnlyList<string> failures)
    : Exception($"preconditions not met on phone {serial}: {string.Join("; ", failures)}")
{
    public IReadOnlyList<string> Failures { get; } = failures;
}
