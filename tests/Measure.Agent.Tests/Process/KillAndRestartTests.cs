using Measure.Agent.Outbox;
using Measure.Agent.Tests.Fakes;

namespace Measure.Agent.Tests.Process;

/// <summary>
/// The "no lost results" promise, end to end with the real agent process: killed while uploading or
/// while running, then restarted, every finished run reaches the server exactly once and nothing
/// partial is ever stored.
/// </summary>
public sealed class KillAndRestartTests
{
    private const string TinySuite = """
        suite: tiny
        version: 1
        rules:
          warmup: {min: 0, max: 0}
          min_iterations: 5
          idle_s: 0
        workloads:
          - kind: gemv
            precisions: [f32]
            threads: [1]
            params: {rows: 64, cols: 64}
        """;

    private const string EndlessSuite = """
        suite: endless
        version: 1
        rules:
          warmup: {min: 0, max: 0}
          min_iterations: 5
          min_duration_s: 600
          idle_s: 0
        workloads:
          - kind: gemv
            precisions: [f32]
            threads: [1]
            params: {rows: 64, cols: 64}
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task KilledMidUpload_Restarted_RunStoredExactlyOnce(bool serverStoredBeforeTheKill)
    {
        await using var server = await FakeMeasureServer.StartAsync();
        using var temp = new TempStateDirectory();
        var suite = Path.Join(temp.State.Path, "tiny.yaml");
        await File.WriteAllTextAsync(suite, TinySuite);
        server.StallNextRunUpload(storeFirst: serverStoredBeforeTheKill);

        using (var agent = AgentProcess.Start("run", suite, "--server", server.Address.ToString(), "--token", FakeMeasureServer.RunsToken,
            "--state-dir", temp.State.Path, "--no-probe", "--quiet"))
        {
            await server.UploadStalled.Task.WaitAsync(TimeSpan.FromMinutes(1));
            AgentProcess.Kill(agent);
        }

        var outbox = new RunOutbox(temp.State);
        var waiting = Assert.Single(outbox.Pending());
        var queuedJson = RunOutbox.ReadReport(waiting);

        var (exitCode, _, error) = await AgentProcess.RunAsync("outbox", "send", "--server", server.Address.ToString(), "--token", FakeMeasureServer.RunsToken,
            "--state-dir", temp.State.Path);

        Assert.True(exitCode == 0, error);
        var stored = Assert.Single(server.StoredRuns);
        Assert.Equal(waiting.RunId, stored.Key);
        Assert.Equal(queuedJson, stored.Value);
        Assert.Empty(outbox.Pending());
        Assert.Equal(2, server.RunUploadsReceived.Count);
    }

    [Fact]
    public async Task KilledMidRun_Restarted_NothingPartialIsStored()
    {
        await using var server = await FakeMeasureServer.StartAsync();
        using var temp = new TempStateDirectory();
        var suite = Path.Join(temp.State.Path, "endless.yaml");
        await File.WriteAllTextAsync(suite, EndlessSuite);

        using (var agent = AgentProcess.Start("run", suite, "--server", server.Address.ToString(), "--token", FakeMeasureServer.RunsToken,
            "--state-dir", temp.State.Path, "--no-probe", "--quiet"))
        {
            // Let it get well into the timed phase (the suite wants ten minutes of it), then kill it.
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.False(agent.HasExited);
            AgentProcess.Kill(agent);
        }

        var (exitCode, _, error) = await AgentProcess.RunAsync("outbox", "send", "--server", server.Address.ToString(), "--token", FakeMeasureServer.RunsToken,
            "--state-dir", temp.State.Path);

        Assert.True(exitCode == 0, error);
        Assert.Empty(new RunOutbox(temp.State).Pending());
        Assert.Empty(server.RunUploadsReceived);
        Assert.Empty(server.StoredRuns);
    }
}
