using System.CommandLine;
using Measure.Cli;
using Measure.Cli.Demo;
using Measure.Cli.Exports;
using Measure.Cli.Gate;
using Measure.Cli.Imports;
using Spectre.Console;

var console = AnsiConsole.Console;
var root = new RootCommand("measure: benchmark on-device AI, compare runs, gate releases")
{
    GateCommand.Create(console, TimeProvider.System, Console.Out),
    ImportCommand.Create(console, TimeProvider.System, Console.Out),
    ExportCommand.Create(console, TimeProvider.System, Console.Out),
    DemoCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        Console.Error.WriteLine($"measure: {error.Message}");
    return ExitCodes.BadInput;
}
try
{
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is not OperationCanceledException)
{
    // The default handler exits 1, which CI would read as "regression": an unexpected error is exit 2.
    Console.Error.WriteLine($"measure: unexpected error: {ex}");
    return ExitCodes.BadInput;
}
