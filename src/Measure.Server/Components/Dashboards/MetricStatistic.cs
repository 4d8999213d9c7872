namespace Measure.Server.Components.Dashboards;

/// <summary>Which figure of a metric's stored summary a panel shows.</summary>
public enum MetricStatistic
{
    /// <summary>The median of samples, else the single value.</summary>
    Headline,
    Median,
    P90,
    P99,
    Mean,
    Min,
    Max,
}
