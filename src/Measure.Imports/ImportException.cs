namespace Measure.Imports;

/// <summary>A file that cannot be imported; the message names the file and what was expected.</summary>
public sealed class ImportException(string message, Exception? inner = null) : Exception(message, inner);
