using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Planning;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Planning;

/// <summary>One hash per aspect: a change moves exactly the hash of its aspect (DESIGN.md §2).</summary>
public sealed class AspectHashesTests
{
    private static readonly DesiredListing Base = new()
    {
        Title = "Gạo ST25 hữu cơ túi 5kg – OCOP 4★",
        Description = "<p>Gạo thơm ST25</p>",
        CategoryId = "cat-3",
        Images = ["https://cdn.example.com/ocop/REG-00002/1.jpg", "https://cdn.example.com/ocop/REG-00002/2.jpg"],
        Gtin = "8935228700055",
        WeightGrams = 5000,
        Attributes = new Dictionary<string, string> { ["origin.province"] = "Cần Thơ", ["ocop.stars"] = "4", ["producer"] = "HTX Hòa Tú" },
        PriceVnd = 215000,
        Stock = 820,
        Active = true,
    };

    private static readonly AspectHashes BaseHashes = AspectHashes.Of(Base);

    [Fact]
    public void Of_SameListingTwice_GivesEqualHashes()
    {
        // Act
        var again = AspectHashes.Of(Base with { });

        // Assert
        Assert.Equal(BaseHashes, again);
        Assert.Matches("^[0-9a-f]{32}$", again.Content);
    }

    [Fact]
    public void Of_PriceOnlyChanged_MovesOnlyThePriceHash()
    {
        // Act
        var hashes = AspectHashes.Of(Base with { PriceVnd = 216000 });

        // Assert
        Assert.NotEqual(BaseHashes.Price, hashes.Price);
        Assert.Equal(BaseHashes with { Price = hashes.Price }, hashes);
    }

    [Fact]
    public void Of_StockOnlyChanged_MovesOnlyTheStockHash()
    {
        // Act
        var hashes = AspectHashes.Of(Base with { Stock = 819 });

        // Assert
        Assert.NotEqual(BaseHashes.Stock, hashes.Stock);
        Assert.Equal(BaseHashes with { Stock = hashes.Stock }, hashes);
    }

    [Fact]
    public void Of_StatusOnlyChanged_MovesOnlyTheStatusHash()
    {
        // Act
        var hashes = AspectHashes.Of(Base with { Active = false });

        // Assert
        Assert.NotEqual(BaseHashes.Status, hashes.Status);
        Assert.Equal(BaseHashes with { Status = hashes.Status }, hashes);
    }

    public static TheoryData<string> ContentChanges => ["title", "description", "category", "images", "imageOrder", "gtin", "weight", "attribute"];

    [Theory]
    [MemberData(nameof(ContentChanges))]
    public void Of_ContentFieldChanged_MovesOnlyTheContentHash(string field)
    {
        // Arrange
        var changed = field switch
        {
            "title" => Base with { Title = "Gạo ST25 hữu cơ túi 5kg" },
            "description" => Base with { Description = "<p>Gạo thơm ST25.</p>" },
            "category" => Base with { CategoryId = "cat-4" },
            "images" => Base with { Images = [Base.Images[0]] },
            "imageOrder" => Base with { Images = [Base.Images[1], Base.Images[0]] }, // the first image is the cover
            "gtin" => Base with { Gtin = null },
            "weight" => Base with { WeightGrams = 5001 },
            _ => Base with { Attributes = new Dictionary<string, string>(Base.Attributes) { ["ocop.stars"] = "5" } },
        };

        // Act
        var hashes = AspectHashes.Of(changed);

        // Assert
        Assert.NotEqual(BaseHashes.Content, hashes.Content);
        Assert.Equal(BaseHashes with { Content = hashes.Content }, hashes);
    }

    [Fact]
    public void Of_AttributesInAnotherOrder_GiveTheSameContentHash()
    {
        // Arrange: the same pairs, inserted in reverse
        var reversed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Base.Attributes.Reverse())
        {
            reversed[key] = value;
        }

        Assert.NotEqual(Base.Attributes.Keys, reversed.Keys);

        // Act
        var hashes = AspectHashes.Of(Base with { Attributes = reversed });

        // Assert
        Assert.Equal(BaseHashes, hashes);
    }
}
