using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Ocop.MarketSync.Worker.Cli;
using Ocop.MarketSync.Worker.Hosting;

namespace Ocop.MarketSync.IntegrationTests.Infrastructure;

/// <summary>
/// The real service, as `dotnet run` composes it, on PostgreSQL (our tables and Hangfire), with the embedded
/// registry sandbox, listening on a free port of 127.0.0.1. The database is migrated with the real `migrate` command.
/// </summary>
/// <remarks>
/// One instance for every test class that needs it (collection <see cref="ServiceHostCollection.Name"/>): Hangfire
/// and Serilog keep process-wide state (global job filters, the static logger), and several hosts started and
/// disposed at different times in one process disturbed each other's jobs.
/// </remarks>
public sealed class ServiceHost : IAsyncLifetime
{
    public const string Username = "staff";
    public const string Password = "integration-test-password";

    /// <summary>A login with the viewer role (Staff:Users), configured with its password hash as production would.</summary>
    public const string Viewer = "xem";
    public const string ViewerPassword = "viewer-test-password";
    private static readonly string ViewerHash = Ocop.MarketSync.Api.Security.StaffPasswordHash.Hash(ViewerPassword);
    private readonly PostgresServer _postgres;
    private WebApplication? _app;

    public ServiceHost(PostgresServer postgres) => _postgres = postgres;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The service's recent warnings and errors, for failure messages.</summary>
    public RecentLogSink Log { get; } = new();

    /// <summary>Every span the service ended (OpenTelemetry's in-memory exporter, beside the configured ones).</summary>
    public SpanLog Spans { get; } = new();

    /// <summary>The trace id of each recent log event.</summary>
    public TracedLogSink TracedLog { get; } = new();

    /// <summary>The running service's container (to reach its embedded sandboxes).</summary>
    public IServiceProvider Services => _app!.Services;
    public string ConnectionString { get; private set; } = null!;

    /// <summary>What the service refused to start with before the database was migrated.</summary>
    public string? UnmigratedStartError { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        ConnectionString = await _postgres.CreateDatabaseAsync(ct);
        var args = Args();

        // Start refused on an unmigrated database: the service never migrates PostgreSQL by itself.
        await using (var unmigrated = await MarketSyncHost.BuildAsync(args, HostMode.Command, ct))
        {
            try
            {
                await MarketSyncHost.PrepareStorageAsync(unmigrated.Services, ct);
            }
            catch (InvalidOperationException ex)
            {
                UnmigratedStartError = ex.Message;
            }
        }

        var exit = await MarketSyncCommandLine.Create(["migrate", .. args]).Parse(["migrate", .. args]).InvokeAsync(cancellationToken: ct);
        if (exit != 0)
        {
            throw new InvalidOperationException($"migrate exited with {exit}");
        }

        _app = await MarketSyncHost.BuildAsync(args, HostMode.Serve, ct,
            services =>
            {
                services.AddSingleton<Serilog.Core.ILogEventSink>(Log);
                services.AddSingleton<Serilog.Core.ILogEventSink>(TracedLog);
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            });
        await MarketSyncHost.PrepareStorageAsync(_app.Services, ct);
        await _app.StartAsync(ct);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }

    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public HttpClient Staff()
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")));
        return client;
    }

    /// <summary>
    /// Waits (at most <paramref name="timeout"/>, then goes on) until no Hangfire job is enqueued or processing for a
    /// second. Tests that follow one change through its own jobs start from here: a pull or push still running from
    /// an earlier test on this shared host takes the change into its own run (coalescing, as designed), so the
    /// change's own jobs would only say "already running".
    /// </summary>
    public async Task WaitForIdleJobsAsync(TimeSpan timeout)
    {
        var monitoring = Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow + timeout;
        var idleSince = (DateTime?)null;
        while (DateTime.UtcNow < deadline)
        {
            var busy = monitoring.ProcessingCount() + monitoring.Queues().Sum(q => q.Length);
            idleSince = busy == 0 ? idleSince ?? DateTime.UtcNow : null;
            if (idleSince is { } since && DateTime.UtcNow - since >= TimeSpan.FromSeconds(1))
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Polls the status API until <paramref name="count"/> products are there (intake runs at start).</summary>
    public async Task WaitForProductsAsync(int count, TimeSpan timeout)
    {
        using var client = Anonymous();
        var deadline = DateTime.UtcNow + timeout;
        var total = -1;
        while (DateTime.UtcNow < deadline)
        {
            var page = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("api/products?pageSize=1", TestContext.Current.CancellationToken);
            total = page.GetProperty("total").GetInt32();
            if (total >= count)
            {
                return;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Only {total} of {count} products arrived within {timeout}.");
    }

    private string[] Args() =>
    [
        "--environment=IntegrationTest",
        "--urls=http://127.0.0.1:0",
        "--Storage:Provider=Postgres",
        $"--Storage:ConnectionString={ConnectionString}",
        "--Storage:MigrateOnStart=false",
        "--Hangfire:Storage=Postgres",
        "--Hangfire:QueuePollInterval=00:00:00.500",
        "--Staff:Username=" + Username,
        "--Staff:Password=" + Password,
        "--Staff:GeneratePassword=false",
        // Many tests log in from 127.0.0.1, some with wrong passwords on purpose; the lockout has its own tests
        // (LoginLockoutTests, a process of its own) and must not slow the others down here.
        "--Staff:Lockout:FreeAttempts=100000",
        "--Staff:Lockout:LockAfter=100001",
        "--Staff:Lockout:AddressLockAfter=100001",
        $"--Staff:Users:{Viewer}:Role=viewer",
        $"--Staff:Users:{Viewer}:PasswordHash={ViewerHash}",
        "--Sandbox:Registry:Enabled=true",
        "--Intake:RunOnStart=true",
        // Gauges read the database at most this often: short, so a test sees a change within a second or two.
        "--Telemetry:GaugeRefresh=00:00:01",
        // The trace test follows a change down to its database commands.
        "--Telemetry:DatabaseSpans=true",
    ];
}

[CollectionDefinition(Name)]
public sealed class ServiceHostCollection : ICollectionFixture<ServiceHost>
{
    public const string Name = "service host";
}
