namespace Measure.Sensors.Power;

/// <summary>The outcome of discovery: the usable sources and the reasons for the others.</summary>
public sealed class PowerSources
{
    // Broadest scope first: the energy figure a reader wants is what the device draws.
    private static readonly PowerScope[] PreferredScopes =
    [
        PowerScope.WholeDevice, PowerScope.ModuleInput, PowerScope.Platform, PowerScope.PmicRails,
        PowerScope.CpuPackage, PowerScope.PartialRails, PowerScope.CpuCores, PowerScope.Uncore, PowerScope.Dram,
    ];

    public PowerSources(IReadOnlyList<IPowerSource> available, IReadOnlyList<UnavailablePowerSource> unavailable)
    {
        ArgumentNullException.ThrowIfNull(available);
        ArgumentNullException.ThrowIfNull(unavailable);
        Available = available;
        Unavailable = unavailable;
    }

    public IReadOnlyList<IPowerSource> Available { get; }

    public IReadOnlyList<UnavailablePowerSource> Unavailable { get; }

    /// <summary>The source whose scope covers the most of the machine, or null when there is none.</summary>
    public IPowerSource? Primary =>
        Available.OrderBy(s => Array.IndexOf(PreferredScopes, s.Info.Scope)).FirstOrDefault();

    /// <summary>Why there is no energy figure, when <see cref="Primary"/> is null.</summary>
    public string? UnavailableReason =>
        Primary is not null ? null : "no power sensor: " + string.Join("; ", Unavailable.Select(u => $"{u.Kind}: {u.Reason}"));
}
