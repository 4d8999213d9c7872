namespace Measure.Agent.Android.Adb;

/// <summary>adb could not be run, or a phone answered a command with an error.</summary>
public class AdbException(string message, Exception? inner = null) : Exception(message, inner);
