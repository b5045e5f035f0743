using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Ocop.MarketSync.Marketplaces.Tiki.Tests;

/// <summary>The event queue pull as sent, and price/inventory events turned into read-back hints.</summary>
public sealed class TikiEventQueueReaderTests : IClassFixture<WireMockTiki>, IAsyncDisposable
{
    private const string Pull = "/integration/v1/queues/" + TikiHarness.QueueCode + "/events/pull";
    private readonly WireMockTiki _tiki;
    private readonly TikiHarness _channel;

    public TikiEventQueueReaderTests(WireMockTiki tiki)
    {
        _tiki = tiki;
        _tiki.Reset();
        _channel = TikiHarness.Create(tiki.BaseUrl, FakeShopTokenSource.For("tiki-access-1"));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PullAsync_FirstPull_SendsNullAckAndHintsProductEventsOnce()
    {
        // Arrange
        _tiki.Answer("POST", Pull, 200, """
            {"ack_id":"ack-2","events":[
              {"id":"e1","sid":"1234567","created_at":1764892800000,"type":"PRODUCT_PRICE_UPDATED","version":1,"payload":{"product_id":70001,"price_from":185000,"price_to":150000}},
              {"id":"e2","sid":"1234567","created_at":1764892801000,"type":"ORDER_CREATED_SUCCESSFULLY","version":1,"payload":{"order_code":"123"}},
              {"id":"e3","sid":"1234567","created_at":1764892802000,"type":"PRODUCT_INVENTORY_UPDATED","version":2,"payload":{"product_id":"70002","quantity_sellable_from":10,"quantity_sellable_to":3,"warehouse_id":41}},
              {"id":"e4","sid":"1234567","created_at":1764892803000,"type":"PRODUCT_INVENTORY_UPDATED","version":2,"payload":{"product_id":70001}}]}
            """);

        // Act
        var batch = await _channel.Events.PullAsync(_channel.Channel, null, Ct);

        // Assert
        Assert.Equal("ack-2", batch.AckId);
        Assert.Equal(4, batch.Events);
        Assert.Equal(
            [
                new MarketplaceHint(TikiHarness.ChannelId, MarketplaceHintKind.ItemChanged, "70001", "tiki PRODUCT_PRICE_UPDATED"),
                new MarketplaceHint(TikiHarness.ChannelId, MarketplaceHintKind.ItemChanged, "70002", "tiki PRODUCT_INVENTORY_UPDATED"),
            ],
            batch.Hints);
        var request = Assert.Single(_tiki.Requests);
        Assert.Equal(("POST", Pull), (request.Method, request.Path));
        WireMockTiki.AssertBearer(request, "tiki-access-1");
        WireMockTiki.AssertJsonBody("""{"ack_id":null}""", request);
    }

    [Fact]
    public async Task PullAsync_WithPreviousAck_SendsItAndKeepsItWhenTheQueueIsEmpty()
    {
        _tiki.Answer("POST", Pull, 200, """{"events":[]}""");

        var batch = await _channel.Events.PullAsync(_channel.Channel, "ack-2", Ct);

        Assert.Equal(("ack-2", 0), (batch.AckId, batch.Hints.Count));
        WireMockTiki.AssertJsonBody("""{"ack_id":"ack-2"}""", Assert.Single(_tiki.Requests));
    }

    [Fact]
    public async Task PullAsync_Fails_ThrowsSoTheBatchIsNotAcknowledged()
    {
        _tiki.Answer("POST", Pull, 500, """{"errors":["Internal Server Error"]}""");

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => _channel.Events.PullAsync(_channel.Channel, "ack-2", Ct));

        Assert.IsType<MarketplaceError.Transient>(error.Error);
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
