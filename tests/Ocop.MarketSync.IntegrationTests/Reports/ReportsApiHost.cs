using Ocop.MarketSync.TestSupport;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Intake;

namespace Ocop.MarketSync.IntegrationTests.Reports;

/// <summary>
/// The status API (mapped by the real <c>MapMarketSyncApi</c>) over HTTP on 127.0.0.1, on the database, channels and
/// fake calendar of an <see cref="IntakeHarness"/>, without jobs running: the report reads what the harness did.
/// </summary>
internal sealed class ReportsApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReportsApiHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ReportsApiHost> StartAsync(IntakeHarness harness, bool sqlite = false)
    {
        var ct = TestContext.Current.CancellationToken;
        var channels = await harness.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<IOptions<ChannelsOptions>>().Value));
        var values = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = sqlite ? "Sqlite" : "Postgres",
            ["Storage:ConnectionString"] = harness.ConnectionString,
            // Never called: the report reads the database only.
            ["Registry:BaseUrl"] = "http://127.0.0.1:9/",
            ["Staff:Username"] = "staff",
            ["Staff:Password"] = "reports-test-password",
            ["Staff:GeneratePassword"] = "false",
        };
        foreach (var (id, channel) in channels.Items)
        {
            values[$"Channels:{id}:Marketplace"] = channel.Marketplace;
            values[$"Channels:{id}:BaseUrl"] = channel.BaseUrl?.ToString();
            foreach (var (set, category) in channel.Categories)
            {
                values[$"Channels:{id}:Categories:{set.ToString(CultureInfo.InvariantCulture)}"] = category;
            }
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(values);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var configuration = builder.Configuration;
        builder.Services.AddSingleton(sp => new IntakeClock(harness.Clock, sp.GetRequiredService<IOptions<IntakeOptions>>()));
        builder.Services.AddMarketSyncData(configuration)
            .AddOcopRegistry(configuration)
            .AddRegistryIntake(configuration)
            .AddListingSync(configuration)
            .AddSandboxMarketplace(configuration)
            .AddIsolatedHangfire()
            .AddMarketSyncApi(configuration);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapMarketSyncApi();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ReportsApiHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public HttpClient Client() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
