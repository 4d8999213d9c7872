namespace Measure.Tests.Shared;

/// <summary>Locates the repository (and shared/ beside it) from wherever the test binaries run.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Measure.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Measure.sln above {AppContext.BaseDirectory}.");
    }
}
