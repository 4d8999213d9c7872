namespace Measure.Cli.Demo;

/// <summary>
/// Finds the server and agent built beside this CLI. The build writes every project to
/// artifacts/bin/PROJECT/CONFIGURATION/, so the siblings sit two folders up.
/// </summary>
public static class SiblingBinaries
{
    public static string Find(string project, string assembly)
    {
        var self = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = self.Name;
        var candidate = Path.Combine(self.Parent!.Parent!.FullName, project, configuration, assembly);
        return File.Exists(candidate)
            ? candidate
            : throw new FileNotFoundException($"{assembly} not found at {candidate}; build the solution first (./measure builds it).", candidate);
    }
}
