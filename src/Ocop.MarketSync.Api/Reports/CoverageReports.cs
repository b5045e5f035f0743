using Ocop.MarketSync.Data;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Intake.Provinces;
using Ocop.MarketSync.Sync.Listings.Planning;

namespace Ocop.MarketSync.Api.Reports;

/// <summary>The coverage report of today, for the API and the console's "Báo cáo" page alike.</summary>
internal static class CoverageReports
{
    public static async Task<CoverageReportDto> BuildAsync(
        CoverageDimension by, MarketSyncDbContext db, ChannelCatalog channels, IntakeClock clock, ProvinceDirectory provinces, CancellationToken cancellationToken)
    {
        // Disabled channels are not synced, so their listing states are not kept up to date: left out.
        var reach = channels.Enabled.Select(channel =>
        {
            var capabilities = channels.Capabilities(channel.Id);
            return new ChannelReach(channel.Id, channel.Marketplace,
                cell => DesiredListingBuilder.ChannelTakes(cell.ProductSet, cell.IsService, channel, capabilities));
        }).ToList();
        var today = clock.Today;
        var counts = await new CoverageQuery(db).CountAsync(today, [.. reach.Select(c => c.Id)], cancellationToken);
        return CoverageCalculator.Build(by, today, counts, reach, provinces.Current);
    }
}
