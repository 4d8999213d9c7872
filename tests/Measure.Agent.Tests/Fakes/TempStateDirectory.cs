using Measure.Agent.State;

namespace Measure.Agent.Tests.Fakes;

/// <summary>A throw-away agent state folder.</summary>
public sealed class TempStateDirectory : IDisposable
{
    public TempStateDirectory()
    {
        State = new AgentStateDirectory(Directory.CreateTempSubdirectory("measure-agent-test-").FullName);
    }

    public AgentStateDirectory State { get; }

    public void Dispose() => Directory.Delete(State.Path, recursive: true);
}
