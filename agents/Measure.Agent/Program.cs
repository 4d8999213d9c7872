using System.CommandLine;
using Measure.Agent.Commands;

namespace Measure.Agent;

/// <summary>
/// The agent's entry point. A named class (not top-level statements) so that a test assembly can reference
/// both the agent and the server, whose entry point is the global <c>Program</c>.
/// </summary>
public static class AgentProgram
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("measure-agent: runs Measure's standardized workloads on this device and reports them")
        {
            RunCommand.Create(),
            ProbeCommand.Create(),
            KernelsCommand.Create(),
            EnrollCommand.Create(),
            ServeCommand.Create(),
            OutboxCommand.Create(),
            TokenizeCommand.Create(),
            GenerateCommand.Create(),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                Console.Error.WriteLine($"measure-agent: {error.Message}");
            return ExitCodes.BadInput;
        }
        return await parse.InvokeAsync();
    }
}
