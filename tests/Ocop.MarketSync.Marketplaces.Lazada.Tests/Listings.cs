using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Lazada.Tests;

/// <summary>Sample OCOP listings with Vietnamese text (NFC).</summary>
public static class Listings
{
    public static ListingContent Content(string sellerSku, string title = "Mật ong hoa cà phê Đắk Lắk – OCOP 4★") => new()
    {
        SellerSku = sellerSku,
        Title = title,
        Description = "Mật ong nguyên chất từ vườn cà phê Buôn Ma Thuột.",
        CategoryId = "10002019",
        Images = ["https://img.example/honey-1.jpg", "https://vn-live-01.slatic.net/p/hosted-2.jpg"],
        Gtin = "8938505970012",
        WeightGrams = 600,
        // The keys the engine produces (DesiredListingBuilder): the harness maps the first two, not the OCOP stars.
        Attributes = new Dictionary<string, string> { ["origin.province"] = "Đắk Lắk", ["shelfLifeDays"] = "730", ["ocop.stars"] = "4" },
    };

    public static CreateListing Create(string sellerSku, string? title = null, long price = 185_000, int stock = 12, bool active = true) =>
        new(title is null ? Content(sellerSku) : Content(sellerSku, title), price, stock, active);
}
