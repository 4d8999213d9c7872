using System.Net.Http.Json;
using Measure.Agent;
using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.EndToEnd.Tests.Dashboards;

/// <summary>
/// The real server seeded with two runs of the real agent measuring this machine (GEMV f32 and q8_0), LLM runs
/// with sensors on two boards (one named with markup) over twelve days with a slowdown, and nothing else.
/// </summary>
public sealed class DashboardSite : IAsyncLifetime
{
    public const string Hostile = "<script>alert(1)</script>";

    private const string TinySuite = """
        suite: e2e-dash
        version: 1
        description: tiny GEMV suite for the dashboard browser tests
        rules:
          warmup_iterations: 2
          iterations: 12
        workloads:
          - kind: gemv
            precisions: [f32, q8_0]
            threads: [1]
            params:
              rows: 256
              cols: 256
        """;

    private string workDirectory = null!;

    public RunningServer Server { get; private set; } = null!;
    public List<RunReport> AgentRuns { get; } = [];
    public List<RunReport> LlmRuns { get; } = [];

    public async Task InitializeAsync()
    {
        Server = RunningServer.Start();
        workDirectory = Directory.CreateTempSubdirectory("measure-dash-e2e-").FullName;
        var suitePath = Path.Combine(workDirectory, "e2e.yaml");
        await File.WriteAllTextAsync(suitePath, TinySuite);
        for (var i = 0; i < 2; i++)
        {
            var reportPath = Path.Combine(workDirectory, $"run{i}.json");
            var exit = await AgentProgram.Main(["run", suitePath, "--out", reportPath, "--server", Server.Address.ToString(),
                "--token-file", Path.Combine(Server.DataDirectory, "admin-token"), "--quiet", "--label", "branch=main",
                "--state-dir", Path.Combine(workDirectory, "state")]);
            if (exit != 0)
                throw new InvalidOperationException($"the agent exited with {exit}");
            AgentRuns.Add(MeasureJson.DeserializeReport(await File.ReadAllTextAsync(reportPath)));
        }
        using var client = Server.Client(Server.AdminToken);
        for (var day = 0; day < 12; day++)
        {
            foreach (var (device, precision, ms, accuracy) in new[] { ("pi5-lab", "f16", 40.0, 0.995), ("pi5-lab", "q8_0", 22.0, 0.97), (Hostile, "q8_0", 25.0, 0.965) })
            {
                var report = LlmReports.Create(device, precision, ms * (day >= 6 ? 1.25 : 1.0), accuracy, day - 14, (day * 10) + precision.Length + device.Length);
                using var response = await client.PostAsJsonAsync("api/v1/runs", report, MeasureJson.Context.RunReport);
                response.EnsureSuccessStatusCode();
                LlmRuns.Add(report);
            }
        }
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(workDirectory, recursive: true);
    }
}
