namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>The answer of an image upload: the id items carry, and where the shop serves the picture.</summary>
public sealed record SandboxImageUpload(string ImageId, string Url);
