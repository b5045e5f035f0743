using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.UnitTests.Sandbox.Marketplace;

public sealed partial class MarketplaceSandboxTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_ValidDrafts_AssignsIdsAndUrlsAndStoresEveryField()
    {
        // Arrange
        var time = new FakeTimeProvider(Start);
        var sandbox = new MarketplaceSandbox(time: time);

        // Act
        var outcomes = sandbox.Create([SandboxDrafts.Draft("OCOP-1"), SandboxDrafts.Draft("OCOP-2", priceVnd: 90_000, stock: 3)]);

        // Assert
        Assert.Equal(
            [new SandboxItemOutcome("OCOP-1", "itm-000001", "https://marketplace.sandbox.invalid/item/itm-000001"),
             new SandboxItemOutcome("OCOP-2", "itm-000002", "https://marketplace.sandbox.invalid/item/itm-000002")],
            outcomes);
        var item = sandbox.Get("itm-000002")!;
        Assert.Equal(("OCOP-2", 90_000L, 3, true, false), (item.SellerSku, item.PriceVnd, item.Stock, item.Active, item.Banned));
        Assert.Equal(("Mật ong hoa cà phê Đắk Lắk – OCOP 4★", "food-honey", "8930000000019", 500),
            (item.Title, item.CategoryId, item.Gtin, item.WeightGrams));
        Assert.Equal(["https://img.example/honey-1.jpg"], item.Images);
        Assert.Equal("Đắk Lắk", item.Attributes["province"]);
        Assert.Equal(Start, item.UpdatedAt);
        Assert.Equal(2, sandbox.ItemsCreated);
        Assert.Equal(0, sandbox.DuplicateSkuCount);
    }

    [Fact]
    public void Create_SellerSkuThatExists_CreatesASecondItemAndCountsTheDuplicate()
    {
        // Arrange
        var sandbox = new MarketplaceSandbox();
        sandbox.CreateAll("OCOP-1", "OCOP-2");

        // Act
        var outcome = Assert.Single(sandbox.Create([SandboxDrafts.Draft("OCOP-1")]));

        // Assert: the marketplace allows it; the counter is how tests catch the engine doing it.
        Assert.Null(outcome.Error);
        Assert.Equal(["itm-000001", "itm-000003"], sandbox.FindBySku("OCOP-1").Select(i => i.RemoteId));
        Assert.Equal(1, sandbox.DuplicateSkuCount);
        Assert.Equal(3, sandbox.ItemsCreated);
    }

    /// <summary>A valid draft broken in one way, named so the test list reads well.</summary>
    private static SandboxItemDraft Broken(string how) => how switch
    {
        "no SKU" => SandboxDrafts.Draft("X") with { SellerSku = " " },
        "no title" => SandboxDrafts.Draft("X") with { Title = "" },
        "121 characters" => SandboxDrafts.Draft("X") with { Title = new string('a', 121) },
        // 100 Vietnamese letters of 3 bytes each: within 120 characters, over 255 bytes.
        "300 bytes" => SandboxDrafts.Draft("X") with { Title = new string('ệ', 100) },
        "long description" => SandboxDrafts.Draft("X") with { Description = new string('a', 3001) },
        "HTML description" => SandboxDrafts.Draft("X") with { Description = "<p>Mật ong</p>" },
        "no category" => SandboxDrafts.Draft("X") with { CategoryId = null },
        "zero price" => SandboxDrafts.Draft("X", priceVnd: 0),
        "no price" => SandboxDrafts.Draft("X") with { PriceVnd = null },
        "negative stock" => SandboxDrafts.Draft("X", stock: -1),
        _ => throw new ArgumentOutOfRangeException(nameof(how), how, null),
    };

    [Theory]
    [InlineData("no SKU", "sellerSku is required")]
    [InlineData("no title", "title is required")]
    [InlineData("121 characters", "title is 121 characters, more than the limit of 120")]
    [InlineData("300 bytes", "title is 300 bytes of UTF-8, more than the limit of 255")]
    [InlineData("long description", "description is 3001 characters, more than the limit of 3000")]
    [InlineData("HTML description", "description must be plain text (HTML tags are not accepted)")]
    [InlineData("no category", "categoryId is required")]
    [InlineData("zero price", "priceVnd must be positive (got 0)")]
    [InlineData("no price", "priceVnd is required")]
    [InlineData("negative stock", "stock must not be negative (got -1)")]
    public void Create_InvalidDraft_RejectsItWithTheReasonAndCreatesTheOthers(string how, string reason)
    {
        // Arrange
        var sandbox = new MarketplaceSandbox();

        // Act
        var outcomes = sandbox.Create([SandboxDrafts.Draft("OK-1"), Broken(how), SandboxDrafts.Draft("OK-2")]);

        // Assert
        Assert.Equal(new SandboxItemError("rejected", reason), outcomes[1].Error);
        Assert.Null(outcomes[1].RemoteId);
        Assert.Null(outcomes[0].Error);
        Assert.Null(outcomes[2].Error);
        Assert.Equal(["OK-1", "OK-2"], sandbox.Items.Select(i => i.SellerSku));
    }

    [Fact]
    public void Create_TextWithALessThanSign_IsPlainText()
    {
        // Act
        var outcome = new MarketplaceSandbox().Create([SandboxDrafts.Draft("X") with { Description = "Độ ẩm < 12%, <3" }]);

        // Assert
        Assert.Null(Assert.Single(outcome).Error);
    }

    [Fact]
    public void Create_KnownCategoriesConfigured_RejectsOthers()
    {
        // Arrange
        var sandbox = new MarketplaceSandbox(new MarketplaceSandboxOptions { KnownCategories = new HashSet<string> { "food-tea" } });

        // Act
        var outcomes = sandbox.Create([SandboxDrafts.Draft("A") with { CategoryId = "food-tea" }, SandboxDrafts.Draft("B")]);

        // Assert
        Assert.Null(outcomes[0].Error);
        Assert.Equal(new SandboxItemError("rejected", "unknown category 'food-honey'"), outcomes[1].Error);
    }

    [Fact]
    public void UpdatePrice_UnknownAndKnownItems_NotFoundForTheUnknownOnly()
    {
        // Arrange
        var sandbox = new MarketplaceSandbox();
        var ids = sandbox.CreateAll("OCOP-1");

        // Act
        var outcomes = sandbox.UpdatePrice([new SandboxPriceChange("itm-999999", 1), new SandboxPriceChange(ids[0], 175_000)]);

        // Assert
        Assert.Equal(new SandboxItemError("not_found", "no item 'itm-999999'"), outcomes[0].Error);
        Assert.Equal(new SandboxItemOutcome("OCOP-1", ids[0], sandbox.Get(ids[0])!.Url), outcomes[1]);
        Assert.Equal(175_000, sandbox.Get(ids[0])!.PriceVnd);
    }

    [Fact]
    public void UpdateStockAndPrice_InvalidValues_RejectedAndUnchanged()
    {
        // Arrange
        var sandbox = new MarketplaceSandbox();
        var id = sandbox.CreateAll("OCOP-1")[0];

        // Act
        var stock = sandbox.UpdateStock([new SandboxStockChange(id, -5)]);
        var price = sandbox.UpdatePrice([new SandboxPriceChange(id, -1)]);

        // Assert
        Assert.Equal("stock must not be negative (got -5)", stock[0].Error?.Message);
        Assert.Equal("priceVnd must be positive (got -1)", price[0].Error?.Message);
        Assert.Equal((150_000L, 20), (sandbox.Get(id)!.PriceVnd, sandbox.Get(id)!.Stock));
    }

    [Fact]
    public void Updates_BannedItem_RejectedAsBannedOnEveryAspect()
    {
        // Arrange
        var sandbox = new MarketplaceSandbox();
        var id = sandbox.CreateAll("OCOP-1")[0];
        sandbox.Ban(id);

        // Act
        IReadOnlyList<SandboxItemOutcome>[] outcomes =
        [
            sandbox.UpdatePrice([new SandboxPriceChange(id, 1_000)]),
            sandbox.UpdateStock([new SandboxStockChange(id, 1)]),
            sandbox.SetStatus([new SandboxStatusChange(id, true)]),
            sandbox.UpdateContent([new SandboxContentChange { RemoteId = id, Title = "Mới", CategoryId = "food-honey" }]),
        ];

        // Assert
        Assert.All(outcomes, o => Assert.Equal(new SandboxItemError("rejected", "item is banned"), Assert.Single(o).Error));
        Assert.False(sandbox.Get(id)!.Active);
    }

    [Fact]
    public void UpdateContent_ValidChange_ReplacesContentKeepsSkuAndBumpsUpdatedAt()
    {
        // Arrange
        var time = new FakeTimeProvider(Start);
        var sandbox = new MarketplaceSandbox(time: time);
        var id = sandbox.CreateAll("OCOP-1")[0];
        time.Advance(TimeSpan.FromMinutes(5));

        // Act
        var outcome = sandbox.UpdateContent([new SandboxContentChange { RemoteId = id, Title = "Trà shan tuyết", CategoryId = "food-tea" }]);

        // Assert
        Assert.Null(Assert.Single(outcome).Error);
        var item = sandbox.Get(id)!;
        Assert.Equal(("OCOP-1", "Trà shan tuyết", "food-tea", "", null), (item.SellerSku, item.Title, item.CategoryId, item.Description, item.Gtin));
        Assert.Empty(item.Images);
        Assert.Equal(Start.AddMinutes(5), item.UpdatedAt);
    }

    [Fact]
    public void SetStatus_Delist_MakesTheItemInactive()
    {
        // Arrange
        var sandbox = new MarketplaceSandbox();
        var id = sandbox.CreateAll("OCOP-1")[0];

        // Act
        sandbox.SetStatus([new SandboxStatusChange(id, false)]);

        // Assert
        Assert.False(sandbox.Get(id)!.Active);
    }

    [Fact]
    public void MaxStockSet_CreatesAndStockUpdates_HighestApiValueNotTestEdits()
    {
        // Arrange
        var sandbox = new MarketplaceSandbox();
        var id = sandbox.Create([SandboxDrafts.Draft("OCOP-1", stock: 7)])[0].RemoteId!;

        // Act
        sandbox.UpdateStock([new SandboxStockChange(id, 12), new SandboxStockChange(id, 4)]);
        sandbox.EditStock(id, 500);

        // Assert
        Assert.Equal(12, sandbox.MaxStockSet("OCOP-1"));
        Assert.Null(sandbox.MaxStockSet("OCOP-2"));
        Assert.Equal(500, sandbox.Get(id)!.Stock);
    }
}
