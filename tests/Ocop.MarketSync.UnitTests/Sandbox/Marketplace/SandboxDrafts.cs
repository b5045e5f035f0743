using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.UnitTests.Sandbox.Marketplace;

/// <summary>Valid items for the sandbox marketplace; tests change the one field they are about.</summary>
internal static class SandboxDrafts
{
    public static SandboxItemDraft Draft(string sellerSku, long priceVnd = 150_000, int stock = 20) => new()
    {
        SellerSku = sellerSku,
        Title = "Mật ong hoa cà phê Đắk Lắk – OCOP 4★",
        Description = "Mật ong nguyên chất, thu hoạch mùa hoa cà phê.",
        CategoryId = "food-honey",
        Images = ["https://img.example/honey-1.jpg"],
        Gtin = "8930000000019",
        WeightGrams = 500,
        Attributes = new Dictionary<string, string> { ["ocopStars"] = "4", ["province"] = "Đắk Lắk" },
        PriceVnd = priceVnd,
        Stock = stock,
        Active = true,
    };

    /// <summary>Creates one item per SKU and returns their remote ids, in order.</summary>
    public static IReadOnlyList<string> CreateAll(this MarketplaceSandbox sandbox, params string[] sellerSkus) =>
        [.. sandbox.Create([.. sellerSkus.Select(sku => Draft(sku))]).Select(o => o.RemoteId!)];
}
