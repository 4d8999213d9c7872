using System.CommandLine;
using Measure.Tests.Shared;

namespace Measure.Cli.Tests;

/// <summary>Runs one CLI command as the executable would, capturing console and stdout.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Console, string Stdout);

    public static async Task<Result> RunAsync(Func<Spectre.Console.IAnsiConsole, TimeProvider, TextWriter, Command> create, params string[] args)
    {
        var console = new TestConsole();
        var stdout = new StringWriter();
        var root = new RootCommand { create(console.Console, new FixedClock(SampleReports.Now), stdout) };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
            return new Result(ExitCodes.BadInput, string.Join("\n", parse.Errors.Select(e => e.Message)), "");
        var errors = new StringWriter();
        var exit = await parse.InvokeAsync(new InvocationConfiguration { Error = errors, EnableDefaultExceptionHandler = false });
        return new Result(exit, console.Output + errors, stdout.ToString());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
