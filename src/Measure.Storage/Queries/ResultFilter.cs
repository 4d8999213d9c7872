namespace Measure.Storage.Queries;

/// <summary>
/// Which workload results a dashboard reads: every given condition must hold. Built from a page's query
/// string and a panel's fixed filters; null means "any".
/// </summary>
public sealed record ResultFilter(
    string? Suite = null,
    string? Workload = null,
    string? Precision = null,
    string? Device = null,
    string? DeviceTag = null,
    DateTime? SinceUtc = null,
    DateTime? UntilUtc = null)
{
    public static ResultFilter Any { get; } = new();

    /// <summary>Both filters at once; where both name a value for one field, the narrower (panel) one wins.</summary>
    public ResultFilter Narrow(ResultFilter panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return new ResultFilter(
            panel.Suite ?? Suite,
            panel.Workload ?? Workload,
            panel.Precision ?? Precision,
            panel.Device ?? Device,
            panel.DeviceTag ?? DeviceTag,
            Later(panel.SinceUtc, SinceUtc),
            Earlier(panel.UntilUtc, UntilUtc));
    }

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateTime? Earlier(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
