using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sandbox;

/// <summary>Port payloads as the engine would build them for the sample products.</summary>
internal static class Listings
{
    public static ListingContent Content(string sellerSku, string title = "Mật ong hoa cà phê Đắk Lắk – OCOP 4★") => new()
    {
        SellerSku = sellerSku,
        Title = title,
        Description = "Mật ong nguyên chất từ vườn cà phê Buôn Ma Thuột.",
        CategoryId = "food-honey",
        Images = ["https://img.example/honey-1.jpg", "https://img.example/honey-2.jpg"],
        Gtin = "8938505970012",
        WeightGrams = 500,
        Attributes = new Dictionary<string, string> { ["origin"] = "Đắk Lắk", ["ocopStars"] = "4" },
    };

    public static CreateListing Create(string sellerSku, long priceVnd = 185_000, int stock = 12, bool active = true) =>
        new(Content(sellerSku), priceVnd, stock, active);
}
