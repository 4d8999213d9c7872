namespace Measure.Agent.Suites;

/// <summary>A suite file that cannot be used; the message names the file, the line and the key.</summary>
public sealed class SuiteFormatException(string message, Exception? inner = null) : Exception(message, inner);
