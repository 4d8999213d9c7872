namespace Measure.Sensors.Commands;

/// <summary>
/// Runs vendor tools such as <c>vcgencmd</c> and <c>nvpmodel</c>. Sources depend on this seam so
/// tests can inject recorded outputs or put a fake executable on PATH.
/// </summary>
public interface ICommandRunner
{
    /// <summary>
    /// Runs a command to completion; null when the executable is not installed, could not be
    /// started, or did not finish within the timeout (it is then killed).
    /// </summary>
    CommandResult? TryRun(string executable, IReadOnlyList<string> arguments, TimeSpan timeout);
}
