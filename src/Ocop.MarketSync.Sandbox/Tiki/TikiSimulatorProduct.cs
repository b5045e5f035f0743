namespace Ocop.MarketSync.Sandbox.Tiki;

/// <summary>A simulated Tiki product (one per approved variant). <see cref="Quantity"/> is what the seller entered, reserved units included.</summary>
public sealed record TikiSimulatorProduct
{
    public required long ProductId { get; init; }

    public required string OriginalSku { get; init; }

    public required string Name { get; init; }

    public string Description { get; init; } = string.Empty;

    public long CategoryId { get; init; }

    public required long Price { get; init; }

    public long MarketPrice { get; init; }

    public bool Active { get; init; }

    public int Quantity { get; init; }

    public int Reserved { get; init; }

    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Images { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A product request (a create, or an updateProductInfo of <see cref="ProductId"/>) in review.</summary>
/// <param name="Rejection">Decided when the request arrives, revealed when the review ends: code and text.</param>
public sealed record TikiSimulatorRequest(
    string TrackId,
    bool IsUpdate,
    DateTimeOffset CreatedAt,
    TikiSimulatorProduct Draft,
    bool AutoTurnOn,
    (int Code, string Text)? Rejection)
{
    /// <summary>The product made or updated on approval.</summary>
    public long? ProductId { get; init; }

    /// <summary>Set once the decision has been applied.</summary>
    public string? FinalState { get; init; }
}
