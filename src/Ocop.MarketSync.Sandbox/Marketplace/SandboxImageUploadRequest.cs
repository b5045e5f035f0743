namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>The body of an image upload: the picture's absolute http(s) URL, which a real marketplace would fetch.</summary>
public sealed record SandboxImageUploadRequest(string? Url);
