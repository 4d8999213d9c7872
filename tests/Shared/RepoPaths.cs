namespace Measure.Tests.Shared;

/// <summary>Locates the repository (and shared/ beside it) from wherever the test binaries run.</summary>
internal static class RepoPaths
{
    /// <summary>Overrides where shared/ (with fixtures/gguf, written by other projects' tools) is found.</summary>
    public const string SharedVariable = "MEASURE_SHARED_DIR";

    public static string Root { get; } = FindRoot();

    // Found on first use, so tests that never read the fixtures run without them.
    private static readonly Lazy<string> SharedPath = new(FindShared);

    public static string Shared => SharedPath.Value;

    /// <summary>The tiny GGUF models written by llama.cpp's tools (see their README for the reference behaviour).</summary>
    public static string GgufFixture(string name) => Path.Join(Shared, "fixtures", "gguf", name);

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

    // A missing fixtures folder fails loudly, naming where it looked, rather than as a file-not-found deep in a test.
    private static string FindShared()
    {
        var configured = Environment.GetEnvironmentVariable(SharedVariable);
        var path = Path.GetFullPath(string.IsNullOrEmpty(configured) ? Path.Combine(Root, "..", "shared") : configured);
        if (!Directory.Exists(Path.Combine(path, "fixtures", "gguf")))
            throw new InvalidOperationException($"No fixtures/gguf under {path}: the tests read the shared fixtures beside the repository (set {SharedVariable} to their folder).");
        return path;
    }
}
