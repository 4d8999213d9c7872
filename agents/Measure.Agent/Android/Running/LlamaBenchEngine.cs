using System.Globalization;
using System.Text;
using Measure.Agent.Android.Adb;
using Measure.Agent.Suites;
using Measure.Contracts;
using Measure.Imports;

namespace Measure.Agent.Android.Running;

/// <summary>
/// Runs the lab's llama-bench build on a phone: pushes the binary and the model, runs one test per invocation
/// (prefill <c>-p N -n 0</c>, then decode <c>-p 0 -n N</c>) so each has its own sensor window, and imports the
/// JSON with <see cref="LlamaBenchImporter"/>. Suite parameters: model (file in the host's model folder),
/// n_prompt (default 512, 0 skips prefill), n_gen (default 128, 0 skips decode), repetitions (default 5).
/// </summary>
public sealed class LlamaBenchEngine(AdbClient adb, string serial, PhoneRunOptions options)
{
    public const string Kind = "llama-bench";

    /// <summary>The parameters a llama-bench workload accepts (the suite schema lists the same).</summary>
    public static IReadOnlyList<string> ParameterKeys { get; } = ["model", "n_prompt", "n_gen", "repetitions"];

    /// <summary>One engine invocation: its command line and a name for its window.</summary>
    public sealed record Invocation(WorkloadSpec Spec, int Threads, string Arguments, string Name);

    /// <summary>The invocations of an engine workload; bad parameters name the suite line and key.</summary>
    public IReadOnlyList<Invocation> Plan(SuiteDefinition suite, WorkloadSpec spec, int coresWhenUnset)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var key in spec.Parameters.Keys.Where(k => !ParameterKeys.Contains(k)))
            throw new ArgumentException($"{suite.SourcePath}:{spec.Line}: llama-bench has no parameter '{key}' (expected {string.Join(", ", ParameterKeys)})", nameof(spec));
        if (!spec.Parameters.TryGetValue("model", out var model) || string.IsNullOrWhiteSpace(model) || model.Contains('/', StringComparison.Ordinal))
            throw new ArgumentException($"{suite.SourcePath}:{spec.Line}: llama-bench needs params.model, a file name in the host's model folder", nameof(spec));
        var prompt = Number(suite, spec, "n_prompt", 512);
        var generated = Number(suite, spec, "n_gen", 128);
        var repetitions = Math.Max(1, Number(suite, spec, "repetitions", 5));
        if (prompt == 0 && generated == 0)
            throw new ArgumentException($"{suite.SourcePath}:{spec.Line}: llama-bench needs n_prompt or n_gen above 0", nameof(spec));
        var invocations = new List<Invocation>();
        foreach (var threads in spec.Threads.Select(t => t ?? coresWhenUnset))
        {
            var common = string.Create(CultureInfo.InvariantCulture, $"-m {options.RemoteDirectory}/{model} -r {repetitions} -t {threads} -o json");
            if (prompt > 0)
                invocations.Add(new Invocation(spec, threads, string.Create(CultureInfo.InvariantCulture, $"-p {prompt} -n 0 {common}"), $"pp{prompt}"));
            if (generated > 0)
                invocations.Add(new Invocation(spec, threads, string.Create(CultureInfo.InvariantCulture, $"-p 0 -n {generated} {common}"), $"tg{generated}"));
        }
        return invocations;
    }

    /// <summary>Pushes the engine and every model the suite names (adb push --sync skips unchanged files).</summary>
    public void Install(IEnumerable<WorkloadSpec> specs)
    {
        var binary = options.LlamaBench ?? throw new InvalidOperationException("the suite runs llama-bench but the host has no --llama-bench binary configured");
        var models = options.ModelDirectory ?? throw new InvalidOperationException("the suite runs llama-bench but the host has no --model-dir configured");
        adb.ShellText(serial, $"mkdir -p {options.RemoteDirectory}");
        adb.Push(serial, binary, $"{options.RemoteDirectory}/llama-bench", TimeSpan.FromMinutes(5));
        adb.ShellText(serial, $"chmod 755 {options.RemoteDirectory}/llama-bench");
        foreach (var model in specs.Select(s => s.Parameters["model"]).Distinct(StringComparer.Ordinal))
        {
            var local = Path.Join(models, model);
            if (!File.Exists(local))
                throw new FileNotFoundException($"model '{model}' is not in the host's model folder {models}", local);
            adb.Push(serial, local, $"{options.RemoteDirectory}/{model}", TimeSpan.FromMinutes(30));
        }
    }

    /// <summary>Runs one invocation and returns its imported run (one workload).</summary>
    public RunReport Run(Invocation invocation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var command = $"cd {options.RemoteDirectory} && ./llama-bench {invocation.Arguments}";
        var result = adb.Shell(serial, command, TimeSpan.FromHours(2));
        if (!result.Succeeded)
            throw new AdbException($"phone {serial}: llama-bench {invocation.Arguments} exited with {result.ExitCode}: {result.StandardError.Trim()}");
        var source = ImportSource.FromBytes($"{serial}:llama-bench {invocation.Arguments}", Encoding.UTF8.GetBytes(result.StandardOutput), now.UtcDateTime);
        var tests = LlamaBenchImporter.Tests(result.StandardOutput)
            ?? throw new ImportException($"{source.Path}: the output is not llama-bench JSON: {Truncate(result.StandardOutput)}");
        return LlamaBenchImporter.Import(source, tests, now);
    }

    private static int Number(SuiteDefinition suite, WorkloadSpec spec, string key, int fallback)
    {
        if (!spec.Parameters.TryGetValue(key, out var text))
            return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 1_000_000
            ? value
            : throw new ArgumentException($"{suite.SourcePath}:{spec.Line}: llama-bench {key} '{text}' is not a non-negative integer", nameof(spec));
    }

    private static string Truncate(string text) => text.Length <= 200 ? text.Trim() : text[..200].Trim() + "...";
}
