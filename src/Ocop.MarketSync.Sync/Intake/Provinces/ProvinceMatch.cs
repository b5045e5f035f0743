namespace Ocop.MarketSync.Sync.Intake.Provinces;

/// <summary>A province name resolved to one of the 34 provinces in force since 1 Jul 2025.</summary>
/// <param name="Name">The current province's name (e.g. Hải Phòng).</param>
/// <param name="Code">Its code under QĐ 19/2025/QĐ-TTg. A bare code is ambiguous across the reform: store it with the name.</param>
/// <param name="FormerName">The pre-2025 province the text named, when it was one that merged into another (e.g. Hải Dương).</param>
public sealed record ProvinceMatch(string Name, string Code, string? FormerName);
