using System.CommandLine;
using Measure.Cli;
using Measure.Cli.Demo;
using Measure.Cli.Gate;
using Spectre.Console;

var console = AnsiConsole.Console;
var root = new RootCommand("measure: benchmark on-device AI, compare runs, gate releases")
{
    GateCommand.Create(console, TimeProvider.System),
    DemoCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        Console.Error.WriteLine($"measure: {error.Message}");
    return ExitCodes.BadInput;
}
return await parse.InvokeAsync();
