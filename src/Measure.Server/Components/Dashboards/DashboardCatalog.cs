namespace Measure.Server.Components.Dashboards;

/// <summary>Every dashboard file of a folder, read and validated once at start; ordered for navigation.</summary>
public sealed class DashboardCatalog
{
    private readonly Dictionary<string, DashboardDefinition> byId;

    public DashboardCatalog(IEnumerable<DashboardDefinition> dashboards)
    {
        ArgumentNullException.ThrowIfNull(dashboards);
        All = dashboards.OrderBy(d => d.Order).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        byId = new Dictionary<string, DashboardDefinition>(StringComparer.Ordinal);
        foreach (var dashboard in All)
        {
            if (!byId.TryAdd(dashboard.Id, dashboard))
                throw new DashboardDefinitionException(dashboard.SourceFile, "(file name)", $"another file already defines dashboard '{dashboard.Id}'");
        }
    }

    public IReadOnlyList<DashboardDefinition> All { get; }

    public DashboardDefinition? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>Reads every *.yaml / *.yml file of <paramref name="directory"/>; the first invalid file stops the start.</summary>
    public static DashboardCatalog Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Dashboard folder '{directory}' does not exist (set Dashboards:Directory).");
        var files = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        return new DashboardCatalog(files.Select(f => DashboardFileReader.Parse(Path.GetFileName(f), File.ReadAllText(f))));
    }
}
