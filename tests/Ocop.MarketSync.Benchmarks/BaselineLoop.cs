using System.Net.Http.Json;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.Benchmarks;

/// <summary>
/// The baseline: the same marketplace calls (SKU lookups of 100, creates of 50) issued by a plain HttpClient loop
/// per channel, with no database, planning or bookkeeping: the fastest the marketplace side can go.
/// </summary>
internal static class BaselineLoop
{
    public static async Task<(TimeSpan Elapsed, int Calls)> RunAsync(int products, int channels, int lookupBatch, int createBatch)
    {
        var servers = new List<SandboxServer>();
        var sandboxes = new List<MarketplaceSandbox>();
        for (var i = 0; i < channels; i++)
        {
            var sandbox = new MarketplaceSandbox(BenchmarkHost.UnthrottledMarketplace());
            sandboxes.Add(sandbox);
            servers.Add(await SandboxServer.StartAsync(0, app => app.MapMarketplaceSandbox(sandbox), default));
        }

        var skus = Enumerable.Range(0, products).Select(i => $"OCOP-BEN-{i:D6}").ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(servers.Select(server => PushAllAsync(server.BaseUrl, skus, lookupBatch, createBatch)));
        clock.Stop();
        var calls = sandboxes.Sum(s => Enum.GetValues<MarketplaceSandboxEndpoint>().Sum(s.Calls));
        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }

        return (clock.Elapsed, calls);
    }

    private static async Task PushAllAsync(Uri baseUrl, List<string> skus, int lookupBatch, int createBatch)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        foreach (var lookup in skus.Chunk(lookupBatch))
        {
            var query = string.Join('&', lookup.Select(s => "sku=" + Uri.EscapeDataString(s)));
            (await http.GetAsync($"api/v1/items/by-sku?{query}")).EnsureSuccessStatusCode();
            foreach (var create in lookup.Chunk(createBatch))
            {
                var body = new SandboxBatchRequest<SandboxItemDraft>(
                [
                    .. create.Select(sku => new SandboxItemDraft
                    {
                        SellerSku = sku, Title = "Gạo ST25 hữu cơ túi 5kg – OCOP 4★", Description = "Gạo thơm ST25.", CategoryId = "cat-03",
                        Images = ["https://cdn.example.com/ocop/1.jpg"], PriceVnd = 215000, Stock = 100, Active = true,
                        Attributes = new Dictionary<string, string> { ["origin.province"] = "Cần Thơ" },
                    }),
                ]);
                (await http.PostAsJsonAsync("api/v1/items/batch-create", body)).EnsureSuccessStatusCode();
            }
        }
    }
}
