namespace Ocop.MarketSync.Marketplaces.TikTokShop.Api;

/// <summary>Every TikTok answer: <c>{"code":0,"message":"Success","request_id":"…","data":{…}}</c>; the body code is authoritative.</summary>
internal sealed record WireEnvelope<T>(long Code, string? Message, string? RequestId, T? Data)
    where T : class;

/// <summary>For answers whose data we do not read.</summary>
internal sealed record WireEmpty;
