namespace Measure.Contracts;

/// <summary>
/// The rules a report must meet beyond its JSON shape: known schema version, finite numbers,
/// non-negative durations, sane timestamps, bounded sample counts. Pure, so the agent can check
/// what it is about to upload and the server what it is about to store, with the same rules.
/// </summary>
public static class RunReportValidator
{
    public const int MaxSamplesPerReport = 5_000_000;
    private static readonly DateTimeOffset EarliestPlausible = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromDays(1);

    public static IReadOnlyList<ValidationError> Validate(RunReport report, DateTimeOffset now)
    {
        var errors = new List<ValidationError>();
        void Fail(string field, string message) => errors.Add(new ValidationError(field, message));

        if (report.SchemaVersion < 1 || report.SchemaVersion > ProtocolVersion.RunReportSchema)
            Fail("schemaVersion", $"Unsupported schema version {report.SchemaVersion}; this server reads 1 to {ProtocolVersion.RunReportSchema}.");
        if (report.RunId == Guid.Empty)
            Fail("runId", "The run id must be a non-empty GUID.");
        if (report.StartedAt < EarliestPlausible || report.StartedAt > now + ClockSkewAllowance)
            Fail("startedAt", $"Implausible start time {report.StartedAt:O}.");
        if (report.FinishedAt < report.StartedAt)
            Fail("finishedAt", "The run finished before it started.");
        else if (report.FinishedAt > now + ClockSkewAllowance)
            Fail("finishedAt", $"Implausible finish time {report.FinishedAt:O}.");

        ValidateDevice(report.Device, Fail);
        ValidateSuite(report.Suite, Fail);
        var declared = ValidateMetrics(report.Metrics, Fail);

        if (report.Workloads.Count == 0)
            Fail("workloads", "A run must contain at least one workload result.");
        var totalSamples = 0L;
        for (var i = 0; i < report.Workloads.Count; i++)
            totalSamples += ValidateWorkload(report.Workloads[i], $"workloads[{i}]", declared, Fail);
        if (totalSamples > MaxSamplesPerReport)
            Fail("workloads", $"The report carries {totalSamples} samples; at most {MaxSamplesPerReport} are accepted.");

        var duration = (report.FinishedAt - report.StartedAt).TotalSeconds;
        for (var i = 0; i < (report.Phases?.Count ?? 0); i++)
        {
            var phase = report.Phases![i];
            var field = $"phases[{i}]";
            RequireText(phase.Name, $"{field}.name", Fail);
            if (!double.IsFinite(phase.StartSeconds) || phase.StartSeconds < 0)
                Fail($"{field}.startSeconds", "Must be a finite, non-negative number of seconds.");
            if (!double.IsFinite(phase.EndSeconds) || phase.EndSeconds < phase.StartSeconds)
                Fail($"{field}.endSeconds", "Must be finite and not before startSeconds.");
            else if (phase.EndSeconds > duration + 1)
                Fail($"{field}.endSeconds", "Ends after the run finished.");
        }
        for (var i = 0; i < (report.SensorTraces?.Count ?? 0); i++)
            ValidateTrace(report.SensorTraces![i], $"sensorTraces[{i}]", Fail);

        return errors;
    }

    /// <summary>The fingerprint rules alone, for requests that carry one outside a report (enrollment).</summary>
    public static IReadOnlyList<ValidationError> ValidateDevice(DeviceFingerprint device)
    {
        var errors = new List<ValidationError>();
        ValidateDevice(device, (field, message) => errors.Add(new ValidationError(field, message)));
        return errors;
    }

    private static void ValidateDevice(DeviceFingerprint device, Action<string, string> fail)
    {
        RequireText(device.Os, "device.os", fail);
        RequireText(device.CpuModel, "device.cpuModel", fail);
        RequireText(device.Architecture, "device.architecture", fail);
        RequireText(device.AgentVersion, "device.agentVersion", fail);
        if (device.LogicalCores < 1)
            fail("device.logicalCores", "Must be at least 1.");
        if (device.MemoryBytes < 0)
            fail("device.memoryBytes", "Must not be negative.");
        if (device.Limits is { } limits)
        {
            foreach (var (name, value) in new[]
            {
                ("readBandwidthGBps1Thread", limits.ReadBandwidthGBps1Thread),
                ("readBandwidthGBpsAllThreads", limits.ReadBandwidthGBpsAllThreads),
                ("int8Gops1Thread", limits.Int8Gops1Thread),
                ("int8GopsAllThreads", limits.Int8GopsAllThreads),
                ("fp32Gflops1Thread", limits.Fp32Gflops1Thread),
                ("fp32GflopsAllThreads", limits.Fp32GflopsAllThreads),
            })
            {
                if (value is { } v && (!double.IsFinite(v) || v <= 0))
                    fail($"device.limits.{name}", "Must be a finite, positive number or absent.");
            }
        }
    }

    private static void ValidateSuite(SuiteRef suite, Action<string, string> fail)
    {
        RequireText(suite.Id, "suite.id", fail);
        if (suite.Version < 1)
            fail("suite.version", "Must be at least 1.");
        if (suite.ContentHash.Length != 64 || !suite.ContentHash.All(Uri.IsHexDigit))
            fail("suite.contentHash", "Must be the 64-character hex SHA-256 of the suite file.");
    }

    private static Dictionary<string, MetricDeclaration> ValidateMetrics(IReadOnlyList<MetricDeclaration> metrics, Action<string, string> fail)
    {
        var declared = new Dictionary<string, MetricDeclaration>(StringComparer.Ordinal);
        for (var i = 0; i < metrics.Count; i++)
        {
            RequireText(metrics[i].Name, $"metrics[{i}].name", fail);
            if (!Enum.IsDefined(metrics[i].Direction))
                fail($"metrics[{i}].direction", "Unknown direction.");
            if (!declared.TryAdd(metrics[i].Name, metrics[i]))
                fail($"metrics[{i}].name", $"Metric '{metrics[i].Name}' is declared twice.");
        }
        for (var i = 0; i < metrics.Count; i++)
        {
            if (metrics[i].DerivedFrom is not { } source)
                continue;
            if (source == metrics[i].Name)
                fail($"metrics[{i}].derivedFrom", $"Metric '{source}' cannot derive from itself.");
            else if (!declared.ContainsKey(source))
                fail($"metrics[{i}].derivedFrom", $"Metric '{source}' is not declared in metrics.");
        }
        return declared;
    }

    private static long ValidateWorkload(WorkloadResult workload, string field, Dictionary<string, MetricDeclaration> declared, Action<string, string> fail)
    {
        RequireText(workload.Workload, $"{field}.workload", fail);
        RequireText(workload.Precision, $"{field}.precision", fail);
        if (workload.Threads < 1)
            fail($"{field}.threads", "Must be at least 1.");
        long samples = 0;
        for (var s = 0; s < workload.Samples.Count; s++)
        {
            var series = workload.Samples[s];
            var seriesField = $"{field}.samples[{s}]";
            if (!declared.TryGetValue(series.Metric, out var metric))
            {
                fail($"{seriesField}.metric", $"Metric '{series.Metric}' is not declared in metrics.");
                continue;
            }
            var isDuration = MetricUnits.IsDuration(metric.Unit);
            for (var k = 0; k < series.Values.Count; k++)
            {
                var v = series.Values[k];
                if (!double.IsFinite(v))
                {
                    fail($"{seriesField}.values[{k}]", "Must be a finite number.");
                    break;
                }
                if (isDuration && v < 0)
                {
                    fail($"{seriesField}.values[{k}]", $"A duration ({metric.Unit}) cannot be negative.");
                    break;
                }
            }
            samples += series.Values.Count;
        }
        for (var m = 0; m < (workload.Values?.Count ?? 0); m++)
        {
            var value = workload.Values![m];
            var valueField = $"{field}.values[{m}]";
            if (!declared.ContainsKey(value.Metric))
                fail($"{valueField}.metric", $"Metric '{value.Metric}' is not declared in metrics.");
            if (value.Value is { } v && !double.IsFinite(v))
                fail($"{valueField}.value", "Must be a finite number.");
            if (value.Value is null && string.IsNullOrWhiteSpace(value.Unavailable))
                fail($"{valueField}.unavailable", "A missing value must say why it is unavailable.");
            if (value.RelativeUncertainty is { } u && (!double.IsFinite(u) || u < 0))
                fail($"{valueField}.relativeUncertainty", "Must be a finite, non-negative number.");
        }
        return samples;
    }

    private static void ValidateTrace(SensorTrace trace, string field, Action<string, string> fail)
    {
        RequireText(trace.Sensor, $"{field}.sensor", fail);
        if (trace.TimesSeconds.Count != trace.Values.Count)
        {
            fail($"{field}.values", $"Has {trace.Values.Count} values for {trace.TimesSeconds.Count} timestamps.");
            return;
        }
        for (var k = 0; k < trace.Values.Count; k++)
        {
            if (!double.IsFinite(trace.TimesSeconds[k]) || (k > 0 && trace.TimesSeconds[k] < trace.TimesSeconds[k - 1]))
            {
                fail($"{field}.timesSeconds[{k}]", "Timestamps must be finite and non-decreasing.");
                return;
            }
            if (!double.IsFinite(trace.Values[k]))
            {
                fail($"{field}.values[{k}]", "Must be a finite number.");
                return;
            }
        }
    }

    private static void RequireText(string? value, string field, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
            fail(field, "Must not be empty.");
    }
}
