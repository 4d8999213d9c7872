namespace Measure.Server.Components.Dashboards;

/// <summary>A dashboard file that cannot be used, naming the file and the key (path) at fault.</summary>
public sealed class DashboardDefinitionException : Exception
{
    public DashboardDefinitionException(string file, string key, string problem)
        : base($"Dashboard file '{file}', key '{key}': {problem}")
    {
        File = file;
        Key = key;
        Problem = problem;
    }

    public DashboardDefinitionException()
    {
        File = Key = Problem = "";
    }

    public DashboardDefinitionException(string message)
        : base(message)
    {
        File = Key = Problem = "";
    }

    public DashboardDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = Key = Problem = "";
    }

    public string File { get; }
    public string Key { get; }
    public string Problem { get; }
}
