using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Sandbox.Hosting;

namespace Ocop.MarketSync.IntegrationTests.Host;

/// <summary>
/// The registry's signed change notification, end to end in the real service on PostgreSQL: the embedded registry
/// sandbox calls it when a product changes, and the new price reaches the embedded marketplaces in seconds.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class RegistryChangeTests(ServiceHost host)
{
    [Fact]
    public async Task Notification_FromTheRegistrySandbox_BringsAPriceChangeToEveryMarketplaceInSeconds()
    {
        await host.WaitForProductsAsync(60, TimeSpan.FromSeconds(60));
        var marketplaces = host.Services.GetRequiredService<IReadOnlyList<EmbeddedMarketplace>>();
        await WaitAsync(() => marketplaces.All(m => m.Sandbox.FindBySku("OCOP-REG-00002").Count == 1), TimeSpan.FromSeconds(60), "initial push");

        // From a quiet service: jobs of earlier tests on this shared host would only delay the change (it waits for
        // their run to finish and is taken into its next round), and a slow CI machine must not turn that into a failure.
        await host.WaitForIdleJobsAsync(TimeSpan.FromSeconds(30));
        host.Services.GetRequiredService<RegistrySandbox>().Change("REG-00002", p => p["priceVnd"] = 231_000);

        // No staff action and no schedule: the scheduled pull runs every 5 minutes, so only the notification can
        // bring it this fast (it takes 1-3 s here; 45 s is headroom for a loaded machine).
        await WaitAsync(() => marketplaces.All(m => m.Sandbox.FindBySku("OCOP-REG-00002").Single().PriceVnd >= 231_000),
            TimeSpan.FromSeconds(45), "the new price on every marketplace");

        // The audit trail shows the price push with the value sent and the marketplace's request id.
        using var client = host.Anonymous();
        var listings = await client.GetFromJsonAsync<JsonElement>("api/products/REG-00002/listings", TestContext.Current.CancellationToken);
        var listingId = listings.EnumerateArray().First().GetProperty("id").GetInt64();
        var history = await client.GetFromJsonAsync<JsonElement>($"api/listings/{listingId}/history", TestContext.Current.CancellationToken);
        var price = history.GetProperty("items").EnumerateArray().First(a => a.GetProperty("operation").GetString() == "Price");
        Assert.Equal(231_000, price.GetProperty("sent").GetProperty("priceVnd").GetInt64());
        Assert.Equal("ok", price.GetProperty("result").GetString());
        Assert.False(string.IsNullOrEmpty(price.GetProperty("requestId").GetString()));
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000", true)]
    [InlineData(null, true)]
    [InlineData("valid-but-stale", false)]
    public async Task Notification_WithABadSignature_Gets401AndQueuesNothing(string? signature, bool freshTimestamp)
    {
        await host.WaitForProductsAsync(60, TimeSpan.FromSeconds(60));
        var body = Encoding.UTF8.GetBytes("{\"registryIds\":[\"REG-00002\"]}");
        var timestamp = (freshTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.UtcNow.AddHours(-1)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/registry/changes") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Registry-Timestamp", timestamp);
        if (signature is not null)
        {
            // A stale call carries a signature that is right for its body and timestamp: only the age refuses it.
            var secret = host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Registry:ChangeNotifications:Secret"]!;
            request.Headers.Add("X-Registry-Signature", signature == "valid-but-stale"
                ? RegistryChangeNotifier.Sign(Encoding.UTF8.GetBytes(secret), timestamp, body) : signature);
        }

        using var client = host.Anonymous();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>().RunRequests.ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var check = host.Services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<MarketSyncDbContext>().RunRequests
            .AnyAsync(r => r.Resource == "queued:registry-pull", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("shopee", HttpStatusCode.Unauthorized)]
    [InlineData("lazada", HttpStatusCode.Unauthorized)]
    [InlineData("tiktokshop", HttpStatusCode.Unauthorized)]
    [InlineData("nosuchmarket", HttpStatusCode.NotFound)]
    public async Task MarketplaceWebhook_UnsignedOrUnknown_IsRefused(string marketplace, HttpStatusCode expected)
    {
        using var client = host.Anonymous();
        using var content = new StringContent("{\"shop_id\":1,\"code\":6,\"data\":{\"item_id\":1}}", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync($"api/marketplaces/{marketplace}/webhook", content, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    private async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout} for {what}.{Environment.NewLine}{host.Log.Describe()}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
