namespace Ocop.MarketSync.Data.Entities;

public enum ChannelAuthorizationStatus
{
    Authorized,

    /// <summary>The refresh token was refused or expired: a person must run <c>channel authorize</c> again.</summary>
    NeedsReauth,
}

/// <summary>
/// A channel's marketplace tokens, encrypted with ASP.NET Data Protection (keys in this database, so every node
/// can read them). <see cref="Version"/> guards the swap: a refresh saves the new pair only if nobody else did.
/// </summary>
public sealed class ChannelAuthorization
{
    public required string ChannelId { get; set; }
    public required string Marketplace { get; set; }

    /// <summary>The protected JSON of the tokens; never logged.</summary>
    public required string ProtectedTokens { get; set; }
    public DateTime AccessTokenExpiresAt { get; set; }
    public DateTime? RefreshTokenExpiresAt { get; set; }
    public ChannelAuthorizationStatus Status { get; set; }
    public string? Reason { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}
