using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Measure.Storage;

/// <summary>
/// SQLitePCLRaw 2.0.6 (the newest in the registry) bundles SQLite 3.35, too old for EF Core 10's JSON
/// queries, and EF Core asks for a newer assembly version. Redirect the assembly and prefer the
/// system's libsqlite3 (Debian's 3.40), falling back to the bundled library.
/// </summary>
public static class SqliteNativeLibrary
{
    private static int initialized;

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Must run before any SqliteConnection opens.")]
    internal static void Initialize()
    {
        if (Interlocked.Exchange(ref initialized, 1) == 1)
            return;
        var pcl = typeof(SQLitePCL.raw).Assembly;
        AssemblyLoadContext.Default.Resolving += (_, name) => name.Name == "SQLitePCLRaw.core" ? pcl : null;
        NativeLibrary.SetDllImportResolver(typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly,
            (lib, _, _) => lib == "e_sqlite3" && NativeLibrary.TryLoad("libsqlite3.so.0", out var handle) ? handle : IntPtr.Zero);
    }

    /// <summary>Call at start-up before the first connection, so the shim is in place whatever loads first.</summary>
    public static void EnsureInitialized() => Initialize();
}
