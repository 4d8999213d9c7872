using System.Runtime.InteropServices;
using System.Text;

namespace Measure.Agent.State;

/// <summary>
/// Writes that survive a crash or power cut: a temporary file in the same folder, flushed to the
/// disk, renamed over the target (atomic on POSIX), then the folder itself synced so the rename is
/// durable. A reader therefore sees the old file or the whole new one, never half of either.
/// </summary>
public static partial class DurableFile
{
    public const string TemporarySuffix = ".tmp";

    public static void WriteAllText(string path, string content, UnixFileMode? mode = null) =>
        WriteAllBytes(path, Encoding.UTF8.GetBytes(content), mode);

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content, UnixFileMode? mode = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = $"{path}.{Environment.ProcessId}{TemporarySuffix}";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (mode is { } unixMode && !OperatingSystem.IsWindows())
            options.UnixCreateMode = unixMode;
        try
        {
            using (var file = new FileStream(temporary, options))
            {
                file.Write(content);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        SyncDirectory(directory);
    }

    /// <summary>Moves a file and makes both folders' entries durable.</summary>
    public static void Move(string source, string destination)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        File.Move(source, destination, overwrite: true);
        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(source))!);
    }

    public static void Delete(string path)
    {
        File.Delete(path);
        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>fsync on the folder: without it a rename can be lost on power failure although the data was synced.</summary>
    public static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return;
        var descriptor = NativeMethods.Open(directory, NativeMethods.ReadOnly);
        if (descriptor < 0)
            return; // Best effort: some filesystems (e.g. FUSE mounts) refuse directory handles.
        _ = NativeMethods.Fsync(descriptor);
        _ = NativeMethods.Close(descriptor);
    }

    private static partial class NativeMethods
    {
        // O_RDONLY opens a directory on Linux and macOS; O_DIRECTORY's value differs between architectures.
        public const int ReadOnly = 0;

        [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        public static partial int Open(string path, int flags);

        [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
        public static partial int Fsync(int descriptor);

        [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
        public static partial int Close(int descriptor);
    }
}
