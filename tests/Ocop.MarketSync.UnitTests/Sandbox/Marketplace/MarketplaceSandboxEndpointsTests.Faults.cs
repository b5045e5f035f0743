using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.UnitTests.Sandbox.Marketplace;

public sealed partial class MarketplaceSandboxEndpointsTests
{
    [Fact]
    public async Task AnyEndpoint_BurstOfTheRateLimitUsedUp_Answers429WithRetryAfterAndAnErrorBody()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync(new MarketplaceSandboxOptions { RequestsPerSecond = 0.5, Burst = 2 });

        // Act
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await host.Http.GetAsync("api/v1/items", Ct);
            statuses.Add(last.StatusCode);
        }

        // Assert
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // A token every 2 s: due in at most 2 s (less if the third call came late), rounded up to whole seconds.
        Assert.InRange(last.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        var error = await JsonAsync(last);
        Assert.Equal(("rate_limited", "more than 0.5 requests per second"), (error["code"]!.GetValue<string>(), error["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task BatchCreate_InjectedBurstOf429_RefusedWithoutApplyingThenServed()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync();
        host.Sandbox.Faults.RateLimitedRetryAfter = TimeSpan.FromSeconds(5);
        host.Sandbox.Faults.RateLimitNext(2);

        // Act
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            responses.Add(await host.Http.PostAsJsonAsync("api/v1/items/batch-create", Batch(SandboxDrafts.Draft("A")), Ct));
        }

        // Assert
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], responses.Select(r => r.StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(5), responses[0].Headers.RetryAfter?.Delta);
        Assert.Single(host.Sandbox.Items);
    }

    [Fact]
    public async Task BatchUpdateStock_InjectedServerError_Answers503AndAppliesNothing()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync();
        var id = host.Sandbox.CreateAll("A")[0];
        host.Sandbox.Faults.Next(MarketplaceFault.ServerError);

        // Act
        var response = await host.Http.PostAsJsonAsync("api/v1/items/batch-update-stock", Batch(new { remoteId = id, stock = 0 }), Ct);

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unavailable", (await JsonAsync(response))["code"]!.GetValue<string>());
        Assert.Equal(20, host.Sandbox.Get(id)!.Stock);
    }

    [Fact]
    public async Task BatchCreate_ResponseLost_ClientGetsNoAnswerButTheItemExists()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync();
        host.Sandbox.Faults.Next(MarketplaceFault.ResponseLost, endpoint: MarketplaceSandboxEndpoint.BatchCreate);

        // Act
        var send = host.Http.PostAsJsonAsync("api/v1/items/batch-create", Batch(SandboxDrafts.Draft("A")), Ct);

        // Assert
        await Assert.ThrowsAsync<HttpRequestException>(() => send);
        Assert.Equal("A", Assert.Single(host.Sandbox.Items).SellerSku);
    }

    [Fact]
    public async Task BatchCreate_TimeoutHoldShorterThanTheClientWaits_AnswersLateAndApplies()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync();
        host.Sandbox.Faults.TimeoutHold = TimeSpan.FromMilliseconds(300);
        host.Sandbox.Faults.Next(MarketplaceFault.Timeout);
        var started = TimeProvider.System.GetTimestamp();

        // Act
        var response = await host.Http.PostAsJsonAsync("api/v1/items/batch-create", Batch(SandboxDrafts.Draft("A")), Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(300));
        Assert.Single(host.Sandbox.Items);
    }

    [Fact]
    public async Task BatchCreate_ClientGivesUpDuringTheTimeoutHold_NothingApplied()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync();
        host.Sandbox.Faults.TimeoutHold = TimeSpan.FromMilliseconds(800);
        host.Sandbox.Faults.Next(MarketplaceFault.Timeout);
        using var impatient = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        impatient.CancelAfter(TimeSpan.FromMilliseconds(150));

        // Act
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            host.Http.PostAsJsonAsync("api/v1/items/batch-create", Batch(SandboxDrafts.Draft("A")), impatient.Token));
        await Task.Delay(TimeSpan.FromSeconds(1.2), Ct);

        // Assert
        Assert.Empty(host.Sandbox.Items);
        Assert.Equal(1, host.Sandbox.Calls(MarketplaceSandboxEndpoint.BatchCreate));
    }

    [Fact]
    public async Task AnyEndpoint_Latency_DelaysTheAnswer()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync();
        host.Sandbox.Faults.Latency = TimeSpan.FromMilliseconds(200);
        var started = TimeProvider.System.GetTimestamp();

        // Act
        var response = await host.Http.GetAsync("api/v1/items", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task AnyEndpoint_AccessTokenRequired_401WithoutItAndServedWithIt()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync(new MarketplaceSandboxOptions { AccessToken = "shop-token" });

        // Act
        var anonymous = await host.Http.GetAsync("api/v1/items", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/items");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "shop-token");
        var authorised = await host.Http.SendAsync(request, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("unauthorized", (await JsonAsync(anonymous))["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
    }
}
