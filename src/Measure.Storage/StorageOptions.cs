namespace Measure.Storage;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder of the embedded SQLite database (and the admin token file). Created on start.</summary>
    public string DataDirectory { get; set; } = ".data";

    /// <summary>Required for PostgreSQL; for SQLite it overrides the file under <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    public string SqliteFile => Path.Combine(Path.GetFullPath(DataDirectory), "measure.db");
}
