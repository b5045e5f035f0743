namespace Ocop.MarketSync.Sandbox.Shopee;

/// <summary>A refusal in Shopee's own shape: the <c>error</c> string, its message and the HTTP status it comes with.</summary>
public sealed record ShopeeSimulatorError(string Error, string Message, int Status = 200);
