using System.Text.Json;

namespace Ocop.MarketSync.Marketplaces.Tiki.Api;

/// <summary>
/// What every Tiki answer may carry besides its data: <c>errors</c> (a list of texts, or of objects with
/// <c>message</c> and <c>meta{source,id}</c>) and a top-level <c>error</c>. A 2xx answer carrying either is a
/// failure too, as the Elixir client <c>tiki_ex</c> treats it (MARKETPLACES.md §5.3).
/// </summary>
internal abstract record WireAnswer
{
    public JsonElement? Errors { get; init; }

    public JsonElement? Error { get; init; }
}

/// <summary>The answer of a product request or updateProductInfo: <c>{track_id, state: "queuing"}</c>.</summary>
internal sealed record WireTicket(string? TrackId, string? State) : WireAnswer;

/// <summary>updateSkus answers <c>{"state":"approved"}</c> (updateSku's answer; the batch's is not documented further).</summary>
internal sealed record WireUpdateAnswer(string? State) : WireAnswer;
