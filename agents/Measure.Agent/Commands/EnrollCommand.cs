using System.CommandLine;
using Measure.Agent.Device;
using Measure.Agent.Fleet;
using Measure.Agent.State;
using Measure.Agent.Upload;
using Measure.Contracts.Fleet;
using Measure.Sensors.IO;

namespace Measure.Agent.Commands;

/// <summary><c>measure-agent enroll --server URL --token ENROLLMENT_TOKEN [--name N] [--tag T]...</c></summary>
public static class EnrollCommand
{
    public static Command Create()
    {
        var stateDir = AgentOptions.StateDirectory();
        var server = new Option<string>("--server") { Description = "Measure server URL", Required = true };
        var token = new Option<string>("--token") { Description = "One-time enrollment token from the server's admin", Required = true };
        var name = new Option<string?>("--name") { Description = "Name shown in the fleet (default: the host name)" };
        var tags = new Option<string[]>("--tag") { Description = "Device tag jobs select on, e.g. rpi5 or lab-a (repeatable)" };
        var command = new Command("enroll", "Exchange a one-time enrollment token for this agent's own credential") { stateDir, server, token, name, tags };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(AgentStateDirectory.Resolve(parse.GetValue(stateDir)), parse.GetValue(server)!,
            parse.GetValue(token)!, parse.GetValue(name) ?? Environment.MachineName, parse.GetValue(tags) ?? [], cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(AgentStateDirectory state, string serverArg, string enrollmentToken, string name, string[] tags, CancellationToken cancellationToken)
    {
        if (!ServerAddress.TryParse(serverArg, out var server))
            return AgentOptions.Fail(ExitCodes.BadInput, $"--server '{serverArg}' is not an http(s) URL");
        if (string.IsNullOrWhiteSpace(enrollmentToken))
            return AgentOptions.Fail(ExitCodes.BadInput, "--token is empty");
        var limits = new DeviceLimitsProvider(state, SysRoot.Host).Get(allowProbe: false);
        var device = FingerprintReader.Read(SysRoot.Host, limits is null ? null : DeviceLimitsMapping.ToContract(limits.Limits));
        using var http = AgentOptions.CreateHttpClient();
        try
        {
            var enrolled = await new FleetClient(http, server!, null).EnrollAsync(new EnrollRequest(enrollmentToken.Trim(), name, device, tags), cancellationToken);
            var store = new CredentialStore(state);
            store.Save(new AgentCredential(server!, enrolled.AgentId, enrolled.AgentToken, name, tags));
            Console.Error.WriteLine($"measure-agent: enrolled as {name} ({enrolled.AgentId}) on {server}; credential in {store.Path}");
            return ExitCodes.Ok;
        }
        catch (FleetException ex)
        {
            return AgentOptions.Fail(ex.IsTransient ? ExitCodes.Failed : ExitCodes.BadInput, $"enrollment failed: {ex.Message}");
        }
    }
}
