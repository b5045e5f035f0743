using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.UnitTests.Sandbox.Marketplace;

public sealed partial class MarketplaceSandboxTests
{
    [Fact]
    public void EditPriceAndStock_ExistingItem_ChangesValuesAndUpdatedAt()
    {
        // Arrange
        var time = new FakeTimeProvider(Start);
        var sandbox = new MarketplaceSandbox(time: time);
        var id = sandbox.CreateAll("A")[0];
        time.Advance(TimeSpan.FromSeconds(30));

        // Act
        sandbox.EditPrice(id, 1_000);
        sandbox.EditStock(id, 0);

        // Assert
        var item = sandbox.Get(id)!;
        Assert.Equal((1_000L, 0, Start.AddSeconds(30)), (item.PriceVnd, item.Stock, item.UpdatedAt));
    }

    [Fact]
    public void Edit_UnknownItem_ThrowsKeyNotFound()
    {
        // Act
        var ex = Assert.Throws<KeyNotFoundException>(() => new MarketplaceSandbox().EditPrice("itm-404", 1));

        // Assert
        Assert.Equal("No sandbox marketplace item itm-404.", ex.Message);
    }

    [Fact]
    public void Edit_ChangingTheSku_KeepsTheIndexedSku()
    {
        // Arrange
        var sandbox = new MarketplaceSandbox();
        var id = sandbox.CreateAll("A")[0];

        // Act
        sandbox.Edit(id, item => item with { SellerSku = "B", Title = "Sửa tay" });

        // Assert
        Assert.Equal(("A", "Sửa tay"), (sandbox.Get(id)!.SellerSku, sandbox.Get(id)!.Title));
        Assert.Single(sandbox.FindBySku("A"));
    }

    [Fact]
    public void Delete_OneOfTwoDuplicates_NoLongerADuplicate()
    {
        // Arrange
        var sandbox = new MarketplaceSandbox();
        var ids = sandbox.CreateAll("A", "A");

        // Act
        var deleted = sandbox.Delete(ids[0]);

        // Assert
        Assert.True(deleted);
        Assert.False(sandbox.Delete(ids[0]));
        Assert.Equal(0, sandbox.DuplicateSkuCount);
        Assert.Null(sandbox.Get(ids[0]));
        Assert.Equal([ids[1]], sandbox.FindBySku("A").Select(i => i.RemoteId));
        Assert.Equal(
            new SandboxItemError("not_found", $"no item '{ids[0]}'"),
            sandbox.UpdateStock([new SandboxStockChange(ids[0], 1)])[0].Error);
    }

    [Fact]
    public void InsertOrphan_ExistingAndNewSkus_StoredButNotCountedAsCreated()
    {
        // Arrange
        var sandbox = new MarketplaceSandbox();
        sandbox.CreateAll("A");

        // Act
        var duplicate = sandbox.InsertOrphan("A");
        var orphan = sandbox.InsertOrphan("HAND-MADE", title: "Tạo tay", priceVnd: 5_000, stock: 2);

        // Assert
        Assert.Equal(1, sandbox.ItemsCreated);
        Assert.Equal(1, sandbox.DuplicateSkuCount);
        Assert.Equal("A", sandbox.Get(duplicate)!.SellerSku);
        var item = sandbox.Get(orphan)!;
        Assert.Equal(("HAND-MADE", "Tạo tay", 5_000L, 2, true), (item.SellerSku, item.Title, item.PriceVnd, item.Stock, item.Active));
        Assert.Null(sandbox.MaxStockSet("HAND-MADE"));
    }

    [Fact]
    public void Ban_ActiveItem_BannedAndDelisted()
    {
        // Arrange
        var sandbox = new MarketplaceSandbox();
        var id = sandbox.CreateAll("A")[0];

        // Act
        sandbox.Ban(id);

        // Assert
        Assert.Equal((true, false), (sandbox.Get(id)!.Banned, sandbox.Get(id)!.Active));
    }
}
