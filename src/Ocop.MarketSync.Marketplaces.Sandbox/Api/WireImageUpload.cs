namespace Ocop.MarketSync.Marketplaces.Sandbox.Api;

/// <summary>The body of an image upload: the picture's URL, which the marketplace fetches itself.</summary>
internal sealed record WireImageUpload(string Url);
