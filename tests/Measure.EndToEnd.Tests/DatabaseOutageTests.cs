using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Measure.Agent.Outbox;
using Measure.Agent.State;
using Measure.Agent.Upload;
using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.EndToEnd.Tests;

/// <summary>
/// PostgreSQL stopped under a running server: uploads get 503 (not 500, nothing stored), the agent's
/// outbox keeps its runs, and once the database is back every run arrives exactly once.
/// Uses its own PostgreSQL instance, so stopping it disturbs no other test.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly string pgDirectory = Directory.CreateTempSubdirectory("measure-pg-outage-").FullName;
    private readonly string stateDirectory = Directory.CreateTempSubdirectory("measure-agent-state-").FullName;
    private readonly int port = FreePort();
    private RunningServer server = null!;

    public async Task InitializeAsync()
    {
        var connection = (await PostgresScriptAsync("start", pgDirectory, port.ToString(System.Globalization.CultureInfo.InvariantCulture))).Trim();
        server = RunningServer.Start(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connection + ";Timeout=3;Command Timeout=5",
        });
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await PostgresScriptAsync("stop", pgDirectory);
        Directory.Delete(pgDirectory, recursive: true);
        Directory.Delete(stateDirectory, recursive: true);
    }

    [Fact]
    public async Task DatabaseDown_UploadsGet503_OutboxDeliversEverythingOnceItReturns()
    {
        var outbox = new RunOutbox(new AgentStateDirectory(stateDirectory));
        using var http = new HttpClient();
        var sender = new OutboxSender(outbox, new RunUploader(http), new UploadRetryOptions(MaxRetryAttempts: 1, FirstDelay: TimeSpan.FromMilliseconds(50)).BuildPipeline());
        var before = SampleReports.WithLatencies([1, 2, 3]);
        outbox.Add(before);
        Assert.True((await sender.DrainAsync(server.Address, server.AdminToken, null, CancellationToken.None)).Complete);

        await PostgresScriptAsync("stop", pgDirectory);
        using var direct = await server.Client(server.AdminToken).PostAsJsonAsync("api/v1/runs", SampleReports.WithLatencies([4, 5]), MeasureJson.Context.RunReport);
        var during = SampleReports.WithLatencies([6, 7, 8]);
        outbox.Add(during);
        var whileDown = await sender.DrainAsync(server.Address, server.AdminToken, null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, direct.StatusCode);
        Assert.NotNull(direct.Headers.RetryAfter);
        Assert.Equal(1, whileDown.Remaining);

        await PostgresScriptAsync("resume", pgDirectory, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        DrainSummary afterwards;
        var deadline = Stopwatch.StartNew();
        do
        {
            afterwards = await sender.DrainAsync(server.Address, server.AdminToken, null, CancellationToken.None);
        }
        while (!afterwards.Complete && deadline.Elapsed < TimeSpan.FromSeconds(30));

        Assert.True(afterwards.Complete);
        var runs = await server.Client().GetFromJsonAsync("api/v1/runs?limit=50", MeasureJson.Context.PageRunSummary);
        Assert.Equal(new[] { before.RunId, during.RunId }.Order(), runs!.Items.Select(r => r.RunId).Order());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> PostgresScriptAsync(params string[] args)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(RepoPaths.Combine("scripts", "postgres.sh"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"postgres.sh {string.Join(' ', args)} failed: {error}");
    }
}
