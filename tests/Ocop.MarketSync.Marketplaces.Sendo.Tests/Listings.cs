using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sendo.Tests;

/// <summary>OCOP listings as the engine builds them (Vietnamese text in NFC; descriptions long enough for Sendo).</summary>
internal static class Listings
{
    public const string Description =
        "<p>Mật ong nguyên chất từ vườn cà phê Buôn Ma Thuột, thu hoạch mùa hoa tháng Ba, không pha đường, đóng chai thủy tinh 500g.</p>";

    public static ListingContent Content(string sellerSku, string title = "Mật ong hoa cà phê Đắk Lắk 500g – OCOP 4★", string description = Description) => new()
    {
        SellerSku = sellerSku,
        Title = title,
        Description = description,
        CategoryId = "2051",
        Images = ["https://cdn.example.vn/ocop/honey-1.jpg", "https://cdn.example.vn/ocop/honey-2.jpg"],
        Gtin = "8938505970012",
        WeightGrams = 600,
        Attributes = new Dictionary<string, string> { ["origin.province"] = "Đắk Lắk" },
    };

    public static CreateListing Create(string sellerSku, long priceVnd = 185_000, int stock = 12, bool active = true) =>
        new(Content(sellerSku), priceVnd, stock, active);
}
