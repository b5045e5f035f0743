namespace Ocop.MarketSync.Sandbox.Lazada;

/// <summary>A refusal in Lazada's own error body: <c>{"type","code","message","request_id"[,"detail"]}</c>, with HTTP 200.</summary>
public sealed class LazadaSimulatorError(string code, string message, string type = "ISV", IReadOnlyList<LazadaSimulatorDetail>? detail = null)
    : Exception(message)
{
    public string Code { get; } = code;
    public string Type { get; } = type;
    public IReadOnlyList<LazadaSimulatorDetail>? Detail { get; } = detail;
}

/// <summary>One failed SKU or field of a multi-SKU call.</summary>
public sealed record LazadaSimulatorDetail(string? SellerSku, string Field, string Message, string Code);
