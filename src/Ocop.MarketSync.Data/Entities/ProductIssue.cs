namespace Ocop.MarketSync.Data.Entities;

/// <summary>A machine-readable finding about a record (<paramref name="Code"/>) with a message for people.</summary>
/// <param name="Code">Stable, dotted code such as <c>price.missing</c> or <c>certificate.expired</c>.</param>
/// <param name="Message">English sentence for staff and producers; names the value involved.</param>
/// <param name="Severity">How the issue weighs on the outcome.</param>
public sealed record ProductIssue(string Code, string Message, IssueSeverity Severity);
