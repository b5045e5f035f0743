namespace Ocop.MarketSync.Sync.Intake.Rules;

/// <summary>The 26 OCOP product sets (QĐ 148/2023, unchanged in QĐ 26/2026) and their six groups.</summary>
public static class ProductSets
{
    public const int ServiceSet = 26;

    /// <summary>The six groups (ngành) in their official order, with their Vietnamese names (QĐ 26/2026 Phụ lục I).</summary>
    public static IReadOnlyList<(string Code, string Name)> Groups { get; } =
    [
        ("I", "Thực phẩm"),
        ("II", "Đồ uống"),
        ("III", "Dược liệu và sản phẩm từ dược liệu"),
        ("IV", "Hàng thủ công mỹ nghệ"),
        ("V", "Sinh vật cảnh"),
        ("VI", "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch"),
    ];

    /// <summary>The group (I–VI) of a product set, or null when the set is not 1–26.</summary>
    public static string? GroupCodeOf(int productSet) => productSet switch
    {
        >= 1 and <= 13 => "I",
        >= 14 and <= 17 => "II",
        >= 18 and <= 20 => "III",
        >= 21 and <= 22 => "IV",
        >= 23 and <= 25 => "V",
        ServiceSet => "VI",
        _ => null,
    };
}
