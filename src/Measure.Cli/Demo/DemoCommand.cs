using System.CommandLine;

namespace Measure.Cli.Demo;

/// <summary>
/// <c>measure demo</c>: the main job end to end. Starts the server on the embedded SQLite default, runs the
/// agent on a suite against it, prints the new run's dashboard URL and keeps serving until Ctrl+C.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1", DefaultValueFactory = _ => 5080 };
        var data = new Option<DirectoryInfo>("--data") { Description = "Data folder (SQLite file, admin token)", DefaultValueFactory = _ => new DirectoryInfo(".data") };
        var suite = new Option<FileInfo>("--suite") { Description = "Suite to run", DefaultValueFactory = _ => new FileInfo(Path.Combine("suites", "quick.yaml")) };
        var noWait = new Option<bool>("--no-wait") { Description = "Stop the server after the run instead of serving until Ctrl+C" };
        var command = new Command("demo", "Start the server on SQLite, measure this machine with the agent, and serve the dashboard")
        {
            port, data, suite, noWait,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse.GetValue(port), parse.GetValue(data)!, parse.GetValue(suite)!, parse.GetValue(noWait), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(int port, DirectoryInfo data, FileInfo suite, bool noWait, CancellationToken cancellationToken)
    {
        string serverDll, agentDll;
        try
        {
            serverDll = SiblingBinaries.Find("Measure.Server", "measure-server.dll");
            agentDll = SiblingBinaries.Find("Measure.Agent", "measure-agent.dll");
        }
        catch (FileNotFoundException ex)
        {
            Console.Error.WriteLine($"measure demo: {ex.Message}");
            return ExitCodes.BadInput;
        }
        if (!suite.Exists)
        {
            Console.Error.WriteLine($"measure demo: suite file {suite.FullName} not found");
            return ExitCodes.BadInput;
        }

        var url = $"http://127.0.0.1:{port}";
        using var server = ChildProcess.Start(serverDll, ["--urls", url, $"--Storage:DataDirectory={data.FullName}"], "[server]");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        if (!await WaitForHealthAsync(http, url, server, cancellationToken))
        {
            Console.Error.WriteLine($"measure demo: the server did not become healthy at {url} (is the port in use? try --port)");
            return 1;
        }

        string? runUrl = null;
        var tokenFile = Path.Combine(data.FullName, "admin-token");
        using (var agent = ChildProcess.Start(agentDll,
            ["run", suite.FullName, "--server", url, "--token-file", tokenFile, "--label", "source=demo"],
            "[agent]", line => runUrl = line.StartsWith("http", StringComparison.Ordinal) ? line : runUrl))
        {
            await agent.Process.WaitForExitAsync(cancellationToken);
            if (agent.Process.ExitCode != 0 || runUrl is null)
            {
                Console.Error.WriteLine($"measure demo: the agent failed (exit {agent.Process.ExitCode})");
                return 1;
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Run stored. Dashboard: {runUrl}");
        Console.WriteLine($"All runs:             {url}/");
        if (noWait)
            return 0;
        Console.WriteLine("Serving until Ctrl+C.");
        try
        {
            await server.Process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        return 0;
    }

    private static async Task<bool> WaitForHealthAsync(HttpClient http, string url, ChildProcess server, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !server.Process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"{url}/health"), cancellationToken);
                if (response.IsSuccessStatusCode)
                    return true;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(250, cancellationToken);
        }
        return false;
    }
}
