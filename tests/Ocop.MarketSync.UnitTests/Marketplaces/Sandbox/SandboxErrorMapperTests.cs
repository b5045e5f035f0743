using System.Net.Sockets;
using Ocop.MarketSync.Marketplaces.Sandbox;
using Ocop.MarketSync.Marketplaces.Sandbox.Api;
using Ocop.MarketSync.Sync.Marketplaces;
using Polly.Timeout;

namespace Ocop.MarketSync.UnitTests.Marketplaces.Sandbox;

public sealed class SandboxErrorMapperTests
{
    [Theory]
    [InlineData("not_found", typeof(MarketplaceError.NotFound))]
    [InlineData("rejected", typeof(MarketplaceError.Rejected))]
    [InlineData("rate_limited", typeof(MarketplaceError.RateLimited))]
    [InlineData("unavailable", typeof(MarketplaceError.Transient))]
    [InlineData("unauthorized", typeof(MarketplaceError.AuthExpired))]
    [InlineData("something_new", typeof(MarketplaceError.Rejected))]
    public void FromItemError_Code_MapsIntoTheTaxonomyWithTheRequestId(string code, Type expected)
    {
        // Act
        var error = SandboxErrorMapper.FromItemError(new WireError(code, "why"), "req-1");

        // Assert
        Assert.IsType(expected, error);
        Assert.Equal("req-1", error.RequestId);
    }

    [Fact]
    public void FromItemError_UnknownCode_KeepsTheCodeInTheReason()
    {
        // Act
        var error = SandboxErrorMapper.FromItemError(new WireError("listing_frozen", "frozen by audit"), null);

        // Assert
        Assert.Equal(new MarketplaceError.Rejected("listing_frozen: frozen by audit"), error);
    }

    public static TheoryData<Exception> TransportFailures => new()
    {
        new TimeoutRejectedException("attempt timed out"),
        new HttpRequestException("connection refused", new SocketException(111)),
        new InvalidOperationException("wrapper", new IOException("response ended prematurely")),
        new TaskCanceledException("HttpClient.Timeout"),
    };

    [Theory]
    [MemberData(nameof(TransportFailures))]
    public void FromException_TransportFailure_Transient(Exception failure)
    {
        // Act
        var error = SandboxErrorMapper.FromException(failure, CancellationToken.None);

        // Assert
        Assert.IsType<MarketplaceError.Transient>(error);
    }

    [Fact]
    public void FromException_CallerCancelled_NullSoTheCancellationPropagates()
    {
        // Arrange
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // Act
        var error = SandboxErrorMapper.FromException(new TaskCanceledException(), cancelled.Token);

        // Assert
        Assert.Null(error);
    }

    [Fact]
    public void FromException_ABugNotATransportFailure_NullSoItPropagates()
    {
        // Act
        var error = SandboxErrorMapper.FromException(new InvalidOperationException("bug"), CancellationToken.None);

        // Assert
        Assert.Null(error);
    }
}
