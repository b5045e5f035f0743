using System.Text.Json;

namespace Ocop.MarketSync.Marketplaces.Sendo.Api;

/// <summary>
/// Every Sendo answer: <c>{"result": …, "success": true|false, "error": …, "status_code": …}</c>. The shapes of
/// <c>result</c> and <c>error</c> differ by endpoint and are partly unverified (§6.1), so both stay raw JSON and are
/// read defensively where used.
/// </summary>
internal sealed record WireEnvelope(JsonElement? Result, bool Success, JsonElement? Error, int? StatusCode);

/// <summary>Body of <c>POST /login</c>.</summary>
internal sealed record WireLogin(string ShopKey, string SecretKey);

/// <summary>
/// Body of <c>POST /api/partner/product/search</c>: <c>page_size</c> at most 50, <c>token</c> the cursor of the
/// previous page's <c>next_token</c>, <c>date_from</c>/<c>date_to</c> as <c>yyyy-MM-dd</c> [format unverified].
/// </summary>
internal sealed record WireSearchRequest(int PageSize, string? ProductName, string? DateFrom, string? DateTo, int? Status, string? Token);
