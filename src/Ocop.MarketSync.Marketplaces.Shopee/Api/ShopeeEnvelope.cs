namespace Ocop.MarketSync.Marketplaces.Shopee.Api;

/// <summary>
/// Every Shopee answer: success is an empty <c>error</c>, whatever the HTTP status. Token endpoints put their fields
/// at the top level instead of in <c>response</c> (<see cref="WireTokenResponse"/>).
/// </summary>
internal sealed record ShopeeEnvelope<T>(string? Error, string? Message, string? Warning, string? RequestId, T? Response)
    where T : class;

/// <summary>The envelope without its payload: what an error body is read as.</summary>
internal sealed record WireErrorBody(string? Error, string? Message, string? RequestId);
