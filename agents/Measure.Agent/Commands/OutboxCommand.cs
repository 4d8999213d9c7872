using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Measure.Agent.Outbox;
using Measure.Agent.State;
using Measure.Agent.Upload;

namespace Measure.Agent.Commands;

/// <summary><c>measure-agent outbox [--json]</c> lists waiting and rejected runs; <c>outbox send</c> uploads them.</summary>
public static class OutboxCommand
{
    public static Command Create()
    {
        var stateDir = AgentOptions.StateDirectory();
        var json = AgentOptions.Json();
        var command = new Command("outbox", "List finished runs waiting to be uploaded (and those the server refused)") { stateDir, json, CreateSend() };
        command.SetAction(parse => List(AgentStateDirectory.Resolve(parse.GetValue(stateDir)), parse.GetValue(json)));
        return command;
    }

    private static Command CreateSend()
    {
        var stateDir = AgentOptions.StateDirectory();
        var server = AgentOptions.Server();
        var token = AgentOptions.Token();
        var tokenFile = AgentOptions.TokenFile();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Only errors" };
        var send = new Command("send", "Upload every waiting run now (retrying with backoff); exit 1 if some remain") { stateDir, server, token, tokenFile, quiet };
        send.SetAction((parse, cancellationToken) => SendAsync(AgentStateDirectory.Resolve(parse.GetValue(stateDir)), parse.GetValue(server),
            parse.GetValue(token), parse.GetValue(tokenFile), parse.GetValue(quiet), cancellationToken));
        return send;
    }

    private static int List(AgentStateDirectory state, bool json)
    {
        var outbox = new RunOutbox(state);
        var listing = new OutboxListing(outbox.PendingDirectory, outbox.Pending(), outbox.Rejected());
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(listing, AgentJsonContext.Indented.OutboxListing));
            return ExitCodes.Ok;
        }
        Console.WriteLine($"{listing.Pending.Count} run(s) waiting in {listing.Directory}");
        foreach (var entry in listing.Pending)
        {
            var job = entry.Job is null ? "" : $"  job {entry.Job.JobId}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {entry.RunId}  {entry.QueuedAt:u}  {entry.Bytes,10:N0} B{job}"));
        }
        if (listing.Rejected.Count > 0)
        {
            Console.WriteLine($"{listing.Rejected.Count} run(s) refused by the server (kept, not retried):");
            foreach (var entry in listing.Rejected)
                Console.WriteLine($"  {entry.RunId}  {entry.Reason}");
        }
        return ExitCodes.Ok;
    }

    private static async Task<int> SendAsync(AgentStateDirectory state, string? serverArg, string? tokenArg, FileInfo? tokenFile, bool quiet, CancellationToken cancellationToken)
    {
        if (!AgentOptions.TryResolveUpload(state, serverArg, tokenArg, tokenFile, out var server, out var token, out var error))
            return AgentOptions.Fail(ExitCodes.BadInput, error);
        using var http = AgentOptions.CreateHttpClient();
        var sender = new OutboxSender(new RunOutbox(state), new RunUploader(http), UploadRetryOptions.Default.BuildPipeline());
        var summary = await sender.DrainAsync(server!, token!, quiet ? null : m => Console.Error.WriteLine($"measure-agent: {m}"), cancellationToken);
        if (!quiet)
            Console.Error.WriteLine($"measure-agent: {summary.Delivered.Count} delivered, {summary.Rejected.Count} refused, {summary.Remaining} waiting");
        return summary.Complete ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
