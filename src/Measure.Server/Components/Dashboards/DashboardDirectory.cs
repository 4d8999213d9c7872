namespace Measure.Server.Components.Dashboards;

/// <summary>Where the dashboard files are: the configured folder, else dashboards/ beside the binaries, else the source tree's.</summary>
public static class DashboardDirectory
{
    /// <returns>The folder, or null when none is configured and none is found (the server then has no declarative dashboards).</returns>
    public static string? Resolve(string? configured, string baseDirectory)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            var full = Path.GetFullPath(configured, baseDirectory);
            return Directory.Exists(full) ? full : throw new DirectoryNotFoundException($"Dashboards:Directory '{full}' does not exist.");
        }
        // Beside the binaries (published layout), then up the tree to the repository's dashboards/ (dotnet run, tests).
        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "dashboards");
            if (Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
