using Ocop.MarketSync.Sync.Listings.Planning;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Planning;

public sealed class SellerSkuTests
{
    [Fact]
    public void For_RegistryId_IsPrefixPlusId()
    {
        // Act
        var sku = SellerSku.For("REG-00002");

        // Assert
        Assert.Equal("OCOP-REG-00002", sku);
        Assert.Equal("OCOP-", SellerSku.Prefix);
    }

    [Fact]
    public void For_SameIdTwice_IsTheSameSku()
    {
        // Act: a lost create is found again only if the SKU does not change
        var first = SellerSku.For("REG-00040");
        var second = SellerSku.For(new string("REG-00040".ToCharArray()));

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void For_DifferentIds_AreDifferentSkus()
    {
        // Act
        var skus = Enumerable.Range(1, 60).Select(i => SellerSku.For($"REG-{i:00000}")).ToList();

        // Assert
        Assert.Equal(60, skus.Distinct(StringComparer.Ordinal).Count());
        Assert.All(skus, s => Assert.StartsWith(SellerSku.Prefix, s, StringComparison.Ordinal));
    }
}
