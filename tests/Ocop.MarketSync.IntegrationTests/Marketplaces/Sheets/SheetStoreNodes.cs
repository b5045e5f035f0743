using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Marketplaces.Sheets.Store;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sheets;

/// <summary>
/// Two service nodes' <see cref="ISheetStore"/> on one database, each composed as the host composes it
/// (<c>AddMarketSyncData</c> + <c>AddDatabaseSheetStore</c>): two instances, so nothing in process serialises them and
/// only the database can. "memory" gives the reference store twice, so the same cases check the reference too.
/// </summary>
internal sealed class SheetStoreNodes : IAsyncDisposable
{
    private readonly ServiceProvider[] _providers;

    private SheetStoreNodes(ISheetStore a, ISheetStore b, params ServiceProvider[] providers)
    {
        A = a;
        B = b;
        _providers = providers;
    }

    public ISheetStore A { get; }

    public ISheetStore B { get; }

    public static async Task<SheetStoreNodes> CreateAsync(string kind, PostgresServer postgres)
    {
        var ct = TestContext.Current.CancellationToken;
        if (kind == "memory")
        {
            var store = new InMemorySheetStore();
            return new SheetStoreNodes(store, store);
        }

        var connectionString = kind switch
        {
            "postgres" => await postgres.CreateDatabaseAsync(ct),
            "sqlite" => $"Data Source={Path.Combine(Path.GetTempPath(), "ocop-sheets-" + Guid.NewGuid().ToString("N")[..8] + ".db")};Pooling=false",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "memory, postgres or sqlite"),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = kind == "postgres" ? "Postgres" : "Sqlite",
            ["Storage:ConnectionString"] = connectionString,
        }).Build();
        var providers = new ServiceProvider[2];
        for (var i = 0; i < providers.Length; i++)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddMarketSyncData(configuration).AddDatabaseSheetStore();
            providers[i] = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        }

        await using (var scope = providers[0].CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>().Database.MigrateAsync(ct);
        }

        var a = providers[0].GetRequiredService<ISheetStore>();
        var b = providers[1].GetRequiredService<ISheetStore>();
        Assert.IsType<DatabaseSheetStore>(a);
        Assert.NotSame(a, b);
        return new SheetStoreNodes(a, b, providers);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }
}
