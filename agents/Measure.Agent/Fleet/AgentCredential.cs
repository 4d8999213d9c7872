namespace Measure.Agent.Fleet;

/// <summary>The agent's own identity after enrollment: which server, which agent, and its bearer token.</summary>
public sealed record AgentCredential(Uri Server, Guid AgentId, string Token, string Name, IReadOnlyList<string> Tags);
