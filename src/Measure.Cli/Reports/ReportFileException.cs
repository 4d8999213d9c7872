namespace Measure.Cli.Reports;

/// <summary>A report file that cannot be used; the message names the file and what is wrong.</summary>
public sealed class ReportFileException(string message, Exception? inner = null) : Exception(message, inner);
