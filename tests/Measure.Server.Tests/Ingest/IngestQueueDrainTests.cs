using System.Net;
using System.Text;
using Measure.Contracts;
using Measure.Storage;
using Measure.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Measure.Server.Tests.Ingest;

/// <summary>Stopping the server while uploads are in flight loses no accepted run and leaves none half written.</summary>
public sealed class IngestQueueDrainTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create(StorageProvider.Sqlite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Stop_WithUploadsInFlight_EveryAcceptedRunIsStoredWholeAndNothingElseIsHalfWritten()
    {
        var server = RunningServer.Start(database.ServerSettings());
        var reports = Enumerable.Range(0, 40).Select(i => SampleReports.WithLatencies(Enumerable.Range(0, 2000).Select(k => 1.0 + i + (k * 1e-3)).ToArray())).ToList();
        var firstAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var uploads = reports.Select(report => Task.Run(async () =>
        {
            try
            {
                using var client = server.Client(server.AdminToken);
                using var response = await client.PostAsync("api/v1/runs", new StringContent(MeasureJson.Serialize(report), Encoding.UTF8, "application/json"));
                firstAnswered.TrySetResult();
                return (report, Status: (HttpStatusCode?)response.StatusCode);
            }
            catch (HttpRequestException)
            {
                return (report, Status: null);
            }
        })).ToList();

        await firstAnswered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await server.DisposeAsync();
        var answers = await Task.WhenAll(uploads);

        await using var db = database.NewContext();
        var storedIds = (await db.Runs.Select(r => r.Id).ToListAsync()).ToHashSet();
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.Created), a => Assert.Contains(a.report.RunId, storedIds));
        Assert.All(answers.Where(a => a.Status is { } status && status != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status));
        var store = new RunStore(db);
        foreach (var report in reports.Where(r => storedIds.Contains(r.RunId)))
            Assert.Equal(MeasureJson.Serialize(report), MeasureJson.Serialize((await store.GetAsync(report.RunId))!));
        Assert.Equal(storedIds.Count, await db.WorkloadResults.CountAsync());
    }
}
