using Ocop.MarketSync.Sync.Listings.Push;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Push;

/// <summary>A failure's request id survives whichever of result and error the adapter put it on (issue 5).</summary>
public sealed partial class ListingOutcomesTests
{
    [Fact]
    public void ErrorOf_RequestIdOnTheResultOnly_TheErrorCarriesIt()
    {
        // Arrange
        var result = new ItemResult("OCOP-1", new MarketplaceError.Rejected("banned word")) { RequestId = "req-7" };

        // Act
        var error = ListingOutcomes.ErrorOf(result);

        // Assert
        Assert.Equal(new MarketplaceError.Rejected("banned word") { RequestId = "req-7" }, error);
        Assert.EndsWith("(request req-7)", Failing(error!, out _).LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorOf_RequestIdOnTheError_IsKeptOverTheResults()
    {
        // Arrange: a create's deactivation failed; its own request is the one to quote.
        var failed = new MarketplaceError.Transient("deactivate timed out") { RequestId = "req-deactivate" };
        var result = new ItemResult("OCOP-1", failed, "11:22") { RequestId = "req-create" };

        // Act + Assert
        Assert.Same(failed, ListingOutcomes.ErrorOf(result));
    }

    [Fact]
    public void ErrorOf_Success_IsNoError()
    {
        Assert.Null(ListingOutcomes.ErrorOf(new ItemResult("OCOP-1", null, "11:22") { RequestId = "req-1" }));
    }
}
