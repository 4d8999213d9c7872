using System.Net.Http.Headers;
using Measure.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Measure.Tests.Shared;

/// <summary>
/// The real server on a loopback port (Kestrel, real HTTP) with a fresh SQLite file in a temporary
/// data folder, as a first start would create it. Dispose stops it and deletes the folder.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> factory;

    private RunningServer(WebApplicationFactory<Program> factory, string dataDirectory, Uri address)
    {
        this.factory = factory;
        DataDirectory = dataDirectory;
        Address = address;
        AdminToken = File.ReadAllText(Path.Combine(dataDirectory, "admin-token")).Trim();
    }

    public string DataDirectory { get; }
    public Uri Address { get; }
    public string AdminToken { get; }
    public IServiceProvider Services => factory.Services;

    public static RunningServer Start(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("measure-test-").FullName;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            builder.UseSetting("urls", "http://127.0.0.1:0");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
                builder.UseSetting(key, value);
            if (clock is not null)
                builder.ConfigureTestServices(services => services.AddSingleton(clock));
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var address = new Uri(factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First() + "/");
        return new RunningServer(factory, dataDirectory, address);
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<MeasureDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MeasureDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
