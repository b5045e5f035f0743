using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sheets.Tests;

/// <summary>Listing payloads as the planner makes them, with Vietnamese text.</summary>
internal static class Listings
{
    public static ListingContent Content(string sku, string title = "Mật ong hoa cà phê Đắk Lắk 500 ml") => new()
    {
        SellerSku = sku,
        Title = title,
        Description = "Mật ong nguyên chất, thu hoạch mùa hoa cà phê.\nBảo quản nơi khô ráo.",
        CategoryId = "TP-01",
        Images = ["https://img.example/1.jpg", "https://img.example/2.jpg"],
        Gtin = "8930000000017",
        WeightGrams = 650,
        Attributes = new Dictionary<string, string>
        {
            ["ocop.stars"] = "4",
            ["ocop.code"] = "QN-HL-003-2024",
            ["ocop.certificate"] = "1234/QĐ-UBND",
            ["ocop.certificateValidUntil"] = "2027-03-05",
            ["producer"] = "HTX Nông nghiệp Hạ Long",
            ["origin.province"] = "Quảng Ninh",
            ["shelfLifeDays"] = "730",
        },
    };

    public static CreateListing Create(string sku, long price = 125_000, int stock = 40) => new(Content(sku), price, stock, Active: true);
}
