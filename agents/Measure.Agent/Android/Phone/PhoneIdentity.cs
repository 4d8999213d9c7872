using Measure.Agent.Android.Adb;
using Measure.Contracts;
using Measure.Sensors.Platform;

namespace Measure.Agent.Android.Phone;

/// <summary>Who a phone is: its fingerprint in the fleet (from getprop and the mirrored /proc and /sys) and its tags.</summary>
public sealed record PhoneIdentity(string Serial, string Manufacturer, string Model, string Soc, string AndroidVersion, DeviceFingerprint Device, IReadOnlyList<string> Tags)
{
    /// <summary>The files <see cref="PlatformInfo"/> needs for cores, clocks, memory and kernel.</summary>
    public static readonly IReadOnlyList<string> PlatformFiles =
    [
        "/proc/cpuinfo", "/proc/meminfo", "/proc/sys/kernel/osrelease", "/sys/devices/system/cpu/possible",
        "/sys/devices/system/cpu/cpu[0-9]*/cpufreq/cpuinfo_max_freq",
    ];

    public string Name => $"{Manufacturer} {Model} ({Serial})";

    /// <summary>Reads getprop and the platform files over adb.</summary>
    public static PhoneIdentity Read(AdbClient adb, PhoneMirror mirror)
    {
        ArgumentNullException.ThrowIfNull(adb);
        ArgumentNullException.ThrowIfNull(mirror);
        var props = GetProps.Parse(adb.ShellText(mirror.Serial, "getprop"));
        mirror.Refresh(PlatformFiles);
        return From(mirror.Serial, props, PlatformInfo.Read(mirror.Root));
    }

    public static PhoneIdentity From(string serial, GetProps props, PlatformInfo platform)
    {
        ArgumentNullException.ThrowIfNull(props);
        ArgumentNullException.ThrowIfNull(platform);
        const string unknown = "unknown";
        var manufacturer = props.First("ro.product.manufacturer", "ro.product.vendor.manufacturer") ?? unknown;
        var model = props.First("ro.product.model", "ro.product.vendor.model") ?? unknown;
        var soc = props.First("ro.soc.model", "ro.board.platform", "ro.hardware") ?? unknown;
        var android = props.First("ro.build.version.release") ?? unknown;
        var abi = props.First("ro.product.cpu.abi") ?? unknown;
        var maxClocks = platform.CoreMaxFrequencies is { Count: > 0 } clocks
            ? " @ " + string.Join('/', clocks.Select(c => c.MaxKHz).Distinct().Order().Select(k => $"{k / 1000}MHz"))
            : "";
        var device = new DeviceFingerprint(
            Os: $"Android {android}",
            KernelRelease: platform.KernelRelease ?? unknown,
            Architecture: abi.StartsWith("arm64", StringComparison.Ordinal) ? "arm64" : abi,
            CpuModel: $"{soc}{maxClocks}",
            LogicalCores: platform.LogicalCores ?? platform.CoreMaxFrequencies?.Count ?? 1,
            IsaFeatures: [],
            MemoryBytes: platform.TotalMemoryBytes ?? 0,
            DotnetVersion: "none (adb)",
            AgentVersion: AgentVersion.Current,
            BoardModel: $"{manufacturer} {model}",
            Hostname: serial);
        var tags = new List<string> { "android", Tag(soc), Tag(model), Tag(manufacturer) }.Where(t => t.Length > 0).Distinct().ToList();
        return new PhoneIdentity(serial, manufacturer, model, soc, android, device, tags);
    }

    // Tags are matched literally by job selectors: lower case, spaces to dashes ("Pixel 6" -> "pixel-6").
    private static string Tag(string value) => value == "unknown" ? "" : value.Trim().ToLowerInvariant().Replace(' ', '-');
}
