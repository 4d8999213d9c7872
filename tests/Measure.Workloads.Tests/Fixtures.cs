namespace Measure.Workloads.Tests;

/// <summary>Locates ../shared/fixtures/gguf beside the repository (found by walking up to Measure.sln).</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> GgufDirectory = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Measure.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures", "gguf"));
            }
        }

        throw new InvalidOperationException("Measure.sln not found above " + AppContext.BaseDirectory);
    });

    public static string TinyF32 => Path.Combine(GgufDirectory.Value, "tiny-f32.gguf");

    public static string TinyF16 => Path.Combine(GgufDirectory.Value, "tiny-f16.gguf");

    public static string TinyQ8 => Path.Combine(GgufDirectory.Value, "tiny-q8_0.gguf");
}
