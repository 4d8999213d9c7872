using System.Security.Cryptography;
using System.Text;

namespace Measure.Imports;

/// <summary>One file to import: its path (for messages), text, content hash and modification time.</summary>
public sealed record ImportSource(string Path, string Text, string ContentHash, DateTimeOffset ModifiedAt)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <exception cref="ImportException">The file cannot be read.</exception>
    public static ImportSource Read(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return FromBytes(path, bytes, File.GetLastWriteTimeUtc(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImportException($"{path}: cannot read ({ex.Message})", ex);
        }
    }

    public static ImportSource FromBytes(string path, byte[] bytes, DateTime modifiedUtc) =>
        new(path, Encoding.UTF8.GetString(bytes), Convert.ToHexStringLower(SHA256.HashData(bytes)), new DateTimeOffset(DateTime.SpecifyKind(modifiedUtc, DateTimeKind.Utc)));

    /// <summary>
    /// The run id is derived from the content, so importing the same file twice names the same run and the server's
    /// idempotent upload accepts it again instead of storing a duplicate.
    /// </summary>
    public Guid RunId()
    {
        var bytes = Convert.FromHexString(ContentHash.AsSpan(0, 32));
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5-style: name-based (SHA)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
