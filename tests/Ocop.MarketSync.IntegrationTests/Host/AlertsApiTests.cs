using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sync.Operations;

namespace Ocop.MarketSync.IntegrationTests.Host;

/// <summary>What an operator sees of a stopped channel: its state in /api/channels, /api/alerts, and readiness Degraded (still HTTP 200).</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class AlertsApiTests(ServiceHost host)
{
    [Fact]
    public async Task ChannelStopped_ShownInChannelsAlertsAndReadiness_UntilResolved()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = host.Anonymous();
        var channelId = (await client.GetFromJsonAsync<JsonElement>("api/channels", ct))[0].GetProperty("id").GetString()!;

        await WithAlertsAsync(a => a.RaiseAsync(AlertKinds.ChannelStopped, channelId, "Misconfigured", "the marketplace refused the partner key", null, ct));
        try
        {
            var channel = (await client.GetFromJsonAsync<JsonElement>("api/channels", ct)).EnumerateArray().Single(c => c.GetProperty("id").GetString() == channelId);
            var health = channel.GetProperty("health");
            Assert.Equal(("Stopped", "Misconfigured"), (health.GetProperty("state").GetString(), health.GetProperty("code").GetString()));
            Assert.Equal("the marketplace refused the partner key", health.GetProperty("reason").GetString());
            Assert.True(health.TryGetProperty("since", out _));

            var alert = Assert.Single((await client.GetFromJsonAsync<JsonElement>("api/alerts", ct)).EnumerateArray());
            Assert.Equal(("channel.stopped", channelId, true), (alert.GetProperty("kind").GetString(), alert.GetProperty("subject").GetString(), alert.GetProperty("notified").GetBoolean()));

            using var ready = await client.GetAsync("health/ready", ct);
            var body = await ready.Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Degraded", body.GetProperty("status").GetString());
            Assert.Equal("Degraded", body.GetProperty("checks").GetProperty("alerts").GetProperty("status").GetString());
            Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("hangfire").GetProperty("status").GetString());
        }
        finally
        {
            await WithAlertsAsync(a => a.ResolveAsync(AlertKinds.ChannelStopped, channelId, CancellationToken.None));
        }

        var after = (await client.GetFromJsonAsync<JsonElement>("api/channels", ct)).EnumerateArray().Single(c => c.GetProperty("id").GetString() == channelId);
        Assert.Equal("Ok", after.GetProperty("health").GetProperty("state").GetString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("api/alerts", ct)).EnumerateArray());
        Assert.Single((await client.GetFromJsonAsync<JsonElement>("api/alerts?state=all", ct)).EnumerateArray(), a => a.GetProperty("subject").GetString() == channelId);
        using var badState = await client.GetAsync("api/alerts?state=closed", ct);
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        var readyAgain = await client.GetFromJsonAsync<JsonElement>("health/ready", ct);
        Assert.Equal("Healthy", readyAgain.GetProperty("status").GetString());
    }

    private async Task WithAlertsAsync(Func<OperationalAlerts, Task> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<OperationalAlerts>());
    }
}
