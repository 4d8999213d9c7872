using Measure.Sensors.IO;

namespace Measure.Sensors.Tests;

/// <summary>The recorded device trees copied next to the test assembly.</summary>
internal static class RecordedDevice
{
    public const string JetsonOrinNano = "jetson-orin-nano";
    public const string RaspberryPi5 = "rpi5";
    public const string AndroidPhone = "android-phone";
    public const string X86Rapl = "x86-rapl";
    public const string BareVm = "bare-vm";

    public static string Folder(string device) => Path.Combine(AppContext.BaseDirectory, "Recorded", device);

    public static SysRoot Root(string device)
    {
        var folder = Folder(device);
        Assert.True(Directory.Exists(folder), $"Recorded tree '{folder}' is missing from the test output.");
        return new SysRoot(folder);
    }
}
