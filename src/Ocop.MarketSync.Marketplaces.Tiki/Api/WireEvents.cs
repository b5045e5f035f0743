using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ocop.MarketSync.Marketplaces.Tiki.Api;

/// <summary><c>{"ack_id": previous or null}</c>: the null is sent, not left out (it means "nothing to acknowledge").</summary>
internal sealed record WirePull([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? AckId);

internal sealed record WireEventBatch(string? AckId, IReadOnlyList<WireEvent>? Events) : WireAnswer;

/// <param name="CreatedAt">Unix milliseconds.</param>
internal sealed record WireEvent(string? Id, string? Sid, long CreatedAt, string? Type, int Version, JsonElement Payload);
