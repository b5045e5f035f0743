using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Lazada.Tests;

/// <summary>Every documented lazop error family → the taxonomy kind, with the request id kept.</summary>
public sealed class LazadaErrorMapperTests
{
    private static readonly TimeSpan CampaignWait = TimeSpan.FromHours(1);

    [Theory]
    [InlineData("IncompleteSignature", "ISV", typeof(MarketplaceError.Misconfigured))]
    [InlineData("MissingParameter", "ISV", typeof(MarketplaceError.Misconfigured))]
    [InlineData("InvalidTimestamp", "ISV", typeof(MarketplaceError.Misconfigured))]
    [InlineData("InvalidAppKey", "ISV", typeof(MarketplaceError.Misconfigured))]
    [InlineData("InsufficientPermission", "ISV", typeof(MarketplaceError.Misconfigured))]
    [InlineData("SellerNotActive", "ISV", typeof(MarketplaceError.Misconfigured))]
    [InlineData("SellerNotVerified", "ISV", typeof(MarketplaceError.Misconfigured))]
    [InlineData("204", "ISV", typeof(MarketplaceError.Misconfigured))]
    [InlineData("4171", "ISV", typeof(MarketplaceError.Misconfigured))]
    [InlineData("4193", "ISV", typeof(MarketplaceError.Misconfigured))]
    [InlineData("IllegalAccessToken", "ISV", typeof(MarketplaceError.AuthExpired))]
    [InlineData("IllegalRefreshToken", "ISV", typeof(MarketplaceError.AuthExpired))]
    [InlineData("InvalidCode", "ISV", typeof(MarketplaceError.AuthExpired))]
    [InlineData("E0002", "ISV", typeof(MarketplaceError.NotFound))]
    [InlineData("4137", "ISV", typeof(MarketplaceError.NotFound))]
    [InlineData("4136", "ISV", typeof(MarketplaceError.NotFound))]
    [InlineData("4147", "ISV", typeof(MarketplaceError.Transient))]
    [InlineData("513", "ISP", typeof(MarketplaceError.Transient))]
    [InlineData("6", "ISP", typeof(MarketplaceError.Transient))]
    [InlineData("E006", "ISP", typeof(MarketplaceError.Transient))]
    [InlineData("1000", "SYSTEM", typeof(MarketplaceError.Transient))]
    [InlineData("SomethingNew", "ISP", typeof(MarketplaceError.Transient))]
    [InlineData("SomethingNew", "ISV", typeof(MarketplaceError.Rejected))]
    [InlineData("4105", "ISV", typeof(MarketplaceError.Rejected))]
    [InlineData("4108", "ISV", typeof(MarketplaceError.Rejected))]
    [InlineData("4110", "ISV", typeof(MarketplaceError.Rejected))]
    [InlineData("4115", "ISV", typeof(MarketplaceError.Rejected))]
    [InlineData("4134", "ISV", typeof(MarketplaceError.Rejected))]
    [InlineData("4139", "ISV", typeof(MarketplaceError.Rejected))]
    [InlineData("4160", "ISV", typeof(MarketplaceError.Rejected))]
    [InlineData("4169", "ISV", typeof(MarketplaceError.Rejected))]
    [InlineData("212", "ISV", typeof(MarketplaceError.Deferred))]
    public void FromCode_DocumentedCode_MapsToItsKindAndKeepsTheRequestId(string code, string type, Type kind)
    {
        // Act
        var error = LazadaErrorMapper.FromCode(code, type, "message", "0ba2887315178178017221014", CampaignWait);

        // Assert
        Assert.IsType(kind, error);
        Assert.Equal("0ba2887315178178017221014", error.RequestId);
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ApiCallLimit")]
    [InlineData("901")]
    [InlineData("SYS_REQUEST_TOO_FAST")]
    [InlineData("4154")]
    public void FromCode_Throttling_IsRateLimitedForOneSecond(string code)
    {
        // Act
        var error = LazadaErrorMapper.FromCode(code, "ISP", "slow down", "r", CampaignWait);

        // Assert: the trap is treating ApiCallLimit as a failure; the docs say retry in the next second.
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.IsType<MarketplaceError.RateLimited>(error).RetryAfter);
    }

    [Fact]
    public void FromCode_CampaignLock4170_IsDeferredForTheConfiguredTime()
    {
        // Act
        var error = LazadaErrorMapper.FromCode("4170", "ISV", "Stock cannot be decreased during the campaign", "r", TimeSpan.FromMinutes(90));

        // Assert
        Assert.Equal(TimeSpan.FromMinutes(90), Assert.IsType<MarketplaceError.Deferred>(error).RetryAfter);
    }
}
