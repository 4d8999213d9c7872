namespace Measure.Agent.Android.Adb;

/// <summary>The phone is no longer attached (unplugged, offline or unauthorized): whatever ran on it is lost.</summary>
public sealed class PhoneDisconnectedException(string serial, string detail)
    : AdbException($"phone {serial} disconnected: {detail}")
{
    public string Serial { get; } = serial;
}
