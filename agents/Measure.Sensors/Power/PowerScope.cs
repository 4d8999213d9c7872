namespace Measure.Sensors.Power;

/// <summary>What part of the machine a power source sees; energy figures are only comparable within one scope.</summary>
public enum PowerScope
{
    /// <summary>Everything the device draws, screen and radios included (a phone's battery fuel gauge).</summary>
    WholeDevice,

    /// <summary>The compute module's input rail (Jetson VDD_IN): excludes the carrier board and its peripherals.</summary>
    ModuleInput,

    /// <summary>The platform domain of RAPL (psys): SoC plus some platform components, as the firmware defines it.</summary>
    Platform,

    /// <summary>The sum of the PMIC-regulated rails (Pi 5): excludes 5 V peripherals, USB and regulator losses.</summary>
    PmicRails,

    /// <summary>A CPU package (RAPL package-N): cores, caches, uncore; no DRAM, no board.</summary>
    CpuPackage,

    /// <summary>CPU cores only (RAPL core / pp0).</summary>
    CpuCores,

    /// <summary>Integrated graphics or uncore (RAPL uncore / pp1).</summary>
    Uncore,

    /// <summary>DRAM (RAPL dram).</summary>
    Dram,

    /// <summary>A subset of rails that does not add up to the module input.</summary>
    PartialRails,
}
