using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Api.Security;
using Ocop.MarketSync.IntegrationTests.Deploy;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.TestSupport;

namespace Ocop.MarketSync.IntegrationTests.Sheets;

/// <summary>
/// The real API and staff console (<c>MapMarketSyncApi</c>, the service's middleware in the service's order) over HTTP
/// on 127.0.0.1, on the PostgreSQL database of an <see cref="IntakeHarness"/>, with the Postmart sheet channel of
/// <c>config/examples/postmart-sheet-channel.json</c> registered by <c>AddSheetChannels</c>.
/// </summary>
/// <remarks>
/// The sheet store is the library's <see cref="InMemorySheetStore"/>: the database store is built and tested on its
/// own (branch sheets-store) against the same <see cref="ISheetStore"/> contract; what is under test here is the API,
/// the console and their rules. Rows are seeded through <see cref="ISheetStore.AppendAsync"/>, as the engine would.
/// </remarks>
internal sealed class SheetsApiHost : IAsyncDisposable
{
    public const string Channel = "postmart-hn";
    public const string NoExportChannel = "voso-test";
    public const string ApiChannel = "shop-a";
    public const string Operator = "staff";
    public const string OperatorPassword = "sheets-test-password";
    public const string Viewer = "xem";
    public const string ViewerPassword = "sheets-viewer-password";

    private readonly WebApplication _app;

    private SheetsApiHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ISheetStore Store => _app.Services.GetRequiredService<ISheetStore>();

    public static async Task<SheetsApiHost> StartAsync(IntakeHarness harness, string language = "vi")
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddJsonFile(Path.Combine(RepositoryRoot.Path, "config", "examples", "postmart-sheet-channel.json"), optional: false);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = harness.ConnectionString,
            // Never called: no intake runs here.
            ["Registry:BaseUrl"] = "http://127.0.0.1:9/",
            ["Staff:Username"] = Operator,
            ["Staff:Password"] = OperatorPassword,
            ["Staff:GeneratePassword"] = "false",
            [$"Staff:Users:{Viewer}:Role"] = StaffRoles.Viewer,
            [$"Staff:Users:{Viewer}:PasswordHash"] = StaffPasswordHash.Hash(ViewerPassword),
            ["Console:Language"] = language,

            // A second sheet channel, without an export template, and a channel of another kind: the refusals name them.
            [$"Channels:{NoExportChannel}:Marketplace"] = "sheet",
            [$"Channels:{NoExportChannel}:BaseUrl"] = "https://voso.vn/",
            [$"Channels:{NoExportChannel}:Sheet:Columns:0:Header"] = "Mã SKU",
            [$"Channels:{NoExportChannel}:Sheet:Columns:0:Field"] = "SellerSku",
            [$"Channels:{NoExportChannel}:Sheet:Columns:1:Header"] = "Giá",
            [$"Channels:{NoExportChannel}:Sheet:Columns:1:Field"] = "Price",
            [$"Channels:{ApiChannel}:Marketplace"] = "sandbox",
            [$"Channels:{ApiChannel}:BaseUrl"] = "http://127.0.0.1:9/",
        });
        foreach (var channel in (string[])[NoExportChannel, ApiChannel])
        {
            for (var set = 1; set <= 25; set++)
            {
                builder.Configuration[$"Channels:{channel}:Categories:{set}"] = $"cat-{set:00}";
            }
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var configuration = builder.Configuration;
        builder.Services.AddSingleton(sp => new IntakeClock(harness.Clock, sp.GetRequiredService<IOptions<IntakeOptions>>()));
        builder.Services.AddSingleton<ISheetStore, InMemorySheetStore>();
        builder.Services.AddMarketSyncData(configuration)
            .AddOcopRegistry(configuration)
            .AddRegistryIntake(configuration)
            .AddListingSync(configuration)
            .AddSheetChannels(configuration)
            .AddSandboxMarketplace(configuration)
            .AddIsolatedHangfire()
            .AddMarketSyncApi(configuration);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMarketSyncInputGuards();
        app.UseAuthentication();
        app.UseMarketSyncCrossSiteGuard();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapMarketSyncApi();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SheetsApiHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public HttpClient Client(string? username = Operator, string? password = OperatorPassword)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        if (username is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{username}:{password}")));
        }

        return client;
    }

    /// <summary>Puts rows into the channel's open sheet as the engine's pushes would.</summary>
    public Task<long> AppendAsync(params SheetRow[] rows) =>
        Store.AppendAsync(Channel, rows, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);

    public static SheetRow AddRow(string sku, long price = 125_000, int stock = 40) =>
        new(sku, SheetRowKind.Add, DateTimeOffset.UtcNow)
        {
            Content = new ListingContent
            {
                SellerSku = sku,
                Title = "Mật ong hoa cà phê Đắk Lắk 500 ml",
                Description = "Mật ong nguyên chất, thu hoạch mùa hoa cà phê.",
                CategoryId = "Mật ong, nông sản",
                Images = ["https://img.example/1.jpg"],
                WeightGrams = 650,
                Attributes = new Dictionary<string, string> { ["ocop.stars"] = "4", ["origin.province"] = "Đắk Lắk" },
            },
            PriceVnd = price,
            Stock = stock,
        };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
