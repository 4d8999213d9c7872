namespace Measure.Sensors.Power;

public enum PowerReadingStatus
{
    /// <summary>The value measures what the source's scope says.</summary>
    Valid,

    /// <summary>A value was read but does not measure consumption (e.g. a battery that is charging).</summary>
    Unreliable,

    /// <summary>Nothing could be read.</summary>
    Unavailable,
}
