namespace Ocop.MarketSync.Marketplaces.Sandbox.Api;

/// <summary>An uploaded image: the id items carry instead of the URL, and where the marketplace serves it.</summary>
internal sealed record WireImage(string? ImageId, string? Url);
