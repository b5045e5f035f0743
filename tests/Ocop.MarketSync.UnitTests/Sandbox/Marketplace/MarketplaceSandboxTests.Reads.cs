using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.UnitTests.Sandbox.Marketplace;

public sealed partial class MarketplaceSandboxTests
{
    [Fact]
    public void Page_SkuPrefixAndSmallPages_WalksEveryMatchingItemOnceInCreationOrder()
    {
        // Arrange
        var sandbox = new MarketplaceSandbox();
        sandbox.CreateAll("OCOP-1", "OTHER-1", "OCOP-2", "OCOP-3", "OTHER-2", "OCOP-4", "OCOP-5");

        // Act
        var seen = new List<string>();
        var tokens = new List<string?>();
        string? token = null;
        do
        {
            var page = sandbox.Page("OCOP-", null, token, pageSize: 2);
            seen.AddRange(page.Items.Select(i => i.SellerSku));
            token = page.NextPageToken;
            tokens.Add(token);
        }
        while (token is not null);

        // Assert
        Assert.Equal(["OCOP-1", "OCOP-2", "OCOP-3", "OCOP-4", "OCOP-5"], seen);
        Assert.Equal(3, tokens.Count);
    }

    [Fact]
    public void Page_ExactlyOnePageOfItems_HasNoNextToken()
    {
        // Arrange
        var sandbox = new MarketplaceSandbox();
        sandbox.CreateAll("A", "B");

        // Act
        var page = sandbox.Page(null, null, null, pageSize: 2);

        // Assert
        Assert.Equal(2, page.Items.Count);
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public void Page_ItemUpdatedWhilePaging_StaysInItsPlace()
    {
        // Arrange
        var sandbox = new MarketplaceSandbox();
        var ids = sandbox.CreateAll("A", "B", "C");
        var first = sandbox.Page(null, null, null, pageSize: 2);

        // Act: an update must not move an item behind the cursor (paging is by creation, not by change).
        sandbox.UpdatePrice([new SandboxPriceChange(ids[0], 1_000)]);
        var second = sandbox.Page(null, null, first.NextPageToken, pageSize: 2);

        // Assert
        Assert.Equal(["C"], second.Items.Select(i => i.SellerSku));
    }

    [Fact]
    public void Page_UpdatedAfter_ReturnsOnlyItemsChangedLater()
    {
        // Arrange
        var time = new FakeTimeProvider(Start);
        var sandbox = new MarketplaceSandbox(time: time);
        var ids = sandbox.CreateAll("A", "B", "C");
        time.Advance(TimeSpan.FromHours(1));
        sandbox.EditPrice(ids[1], 99_000);

        // Act
        var page = sandbox.Page(null, Start, null, pageSize: 100);

        // Assert
        Assert.Equal(["B"], page.Items.Select(i => i.SellerSku));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("n-1")]
    [InlineData("n")]
    public void Page_TokenNotGivenOut_ThrowsFormatException(string token)
    {
        // Act
        var ex = Assert.Throws<FormatException>(() => new MarketplaceSandbox().Page(null, null, token, 10));

        // Assert
        Assert.Contains(token, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindBySkus_DuplicatesBannedAndAbsentSkus_ReturnsEveryItemOfTheKnownSkus()
    {
        // Arrange
        var sandbox = new MarketplaceSandbox();
        var ids = sandbox.CreateAll("A", "B", "A", "C");
        sandbox.Ban(ids[3]);

        // Act
        var items = sandbox.FindBySkus(["C", "A", "ABSENT", "A"]);

        // Assert
        Assert.Equal([ids[0], ids[2], ids[3]], items.Select(i => i.RemoteId));
        Assert.True(items[2].Banned);
    }
}
