using System.Globalization;
using Spectre.Console;

namespace Measure.Agent.Running;

/// <summary>
/// Progress bars on an interactive terminal (workload, phase, iterations, ETA); nothing when output
/// is redirected, in CI or when asked to be quiet, so logs and --json output stay clean.
/// </summary>
public static class TerminalProgress
{
    public static bool ShouldShow(bool quietRequested, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var ci = environment("CI");
        return !quietRequested && !Console.IsOutputRedirected && !Console.IsErrorRedirected
            && !string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase) && ci != "1";
    }

    public static T Run<T>(bool show, Func<IRunProgress, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!show)
            return work(SilentProgress.Instance);
        return AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .Start(context => work(new SpectreRunProgress(context)));
    }

    private sealed class SpectreRunProgress(ProgressContext context) : IRunProgress
    {
        private ProgressTask? _task;
        private string _workload = "";
        private string _phase = "";

        public void Workload(int index, int count, string name)
        {
            Finish();
            _workload = string.Create(CultureInfo.InvariantCulture, $"[{index + 1}/{count}] {name}");
            _phase = "";
            _task = context.AddTask(Markup.Escape(_workload), maxValue: 1);
        }

        public void Phase(string phase)
        {
            _phase = phase;
            if (_task is not null)
                _task.Description = Markup.Escape($"{_workload} {phase}");
        }

        public void Iterations(int done, int target, double elapsedSeconds, double? remainingSeconds)
        {
            if (_task is null)
                return;
            var eta = remainingSeconds is { } r ? string.Create(CultureInfo.InvariantCulture, $", ETA {r:0}s") : "";
            _task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{_workload} {_phase} {done}/{target}{eta}"));
            if (remainingSeconds is { } remaining && elapsedSeconds + remaining > 0)
                _task.Value = elapsedSeconds / (elapsedSeconds + remaining);
        }

        public void Message(string text) => AnsiConsole.MarkupLine(Markup.Escape(text));

        private void Finish()
        {
            if (_task is null)
                return;
            _task.Value = _task.MaxValue;
            _task.StopTask();
        }
    }
}
