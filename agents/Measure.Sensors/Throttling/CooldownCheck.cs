namespace Measure.Sensors.Throttling;

public enum CooldownState
{
    /// <summary>The hottest zone is back within the margin of its idle temperature.</summary>
    Cooled,

    StillHot,

    /// <summary>No zone has both an idle and a current reading: waiting cannot be decided from temperature.</summary>
    NoThermalData,
}

/// <summary>The outcome of one cooldown check, with the zone that decided it.</summary>
public sealed record CooldownStatus(CooldownState State, string? HottestZone, double? CurrentCelsius, double? IdleCelsius)
{
    public double? ExcessCelsius => CurrentCelsius - IdleCelsius;
}

/// <summary>
/// Pure check behind "cool down until the hottest zone is within a margin of the idle baseline":
/// the zone that is hottest now is compared against its own idle temperature.
/// </summary>
public static class CooldownCheck
{
    public static CooldownStatus Evaluate(IReadOnlyDictionary<string, double> idleCelsius, IReadOnlyDictionary<string, double> currentCelsius, double marginCelsius)
    {
        ArgumentNullException.ThrowIfNull(idleCelsius);
        ArgumentNullException.ThrowIfNull(currentCelsius);
        if (!(marginCelsius >= 0))
            throw new ArgumentOutOfRangeException(nameof(marginCelsius), marginCelsius, "The cooldown margin must be a non-negative number of degrees.");

        var comparable = currentCelsius
            .Where(z => double.IsFinite(z.Value) && idleCelsius.TryGetValue(z.Key, out var idle) && double.IsFinite(idle))
            .ToArray();
        if (comparable.Length == 0)
            return new CooldownStatus(CooldownState.NoThermalData, null, null, null);

        var hottest = comparable.MaxBy(z => z.Value);
        var idleOfHottest = idleCelsius[hottest.Key];
        var state = hottest.Value <= idleOfHottest + marginCelsius ? CooldownState.Cooled : CooldownState.StillHot;
        return new CooldownStatus(state, hottest.Key, hottest.Value, idleOfHottest);
    }
}
