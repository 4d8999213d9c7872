using System.CommandLine;
using Measure.Agent.Commands;

var root = new RootCommand("measure-agent: runs Measure's standardized workloads on this device and reports them")
{
    RunCommand.Create(),
    ProbeCommand.Create(),
    KernelsCommand.Create(),
    EnrollCommand.Create(),
    ServeCommand.Create(),
    OutboxCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        Console.Error.WriteLine($"measure-agent: {error.Message}");
    return ExitCodes.BadInput;
}
return await parse.InvokeAsync();
