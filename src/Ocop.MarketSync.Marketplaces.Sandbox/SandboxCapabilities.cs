using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sandbox;

/// <summary>The sandbox marketplace's limits, as its defaults (MarketplaceSandboxOptions) and the channel's options set them.</summary>
internal static class SandboxCapabilities
{
    public const string Marketplace = "sandbox";

    public static MarketplaceCapabilities For(SandboxChannelOptions options) => new()
    {
        Marketplace = Marketplace,
        BatchSize = new Dictionary<MarketplaceOperation, int>
        {
            [MarketplaceOperation.Create] = options.WriteBatchSize,
            [MarketplaceOperation.UpdateContent] = options.WriteBatchSize,
            [MarketplaceOperation.UpdatePrice] = options.WriteBatchSize,
            [MarketplaceOperation.UpdateStock] = options.WriteBatchSize,
            [MarketplaceOperation.SetStatus] = options.WriteBatchSize,
            [MarketplaceOperation.FindBySellerSku] = options.LookupBatchSize,
            [MarketplaceOperation.PageItems] = options.PageSize,
        },
        RequestsPerSecond = options.RequestsPerSecond,
        DailyCreateQuota = options.DailyCreateQuota,
        MinPriceVnd = 1_000,
        MaxPriceVnd = options.MaxPriceVnd,
        MaxStock = options.MaxStock,
        TitleMaxChars = 120,
        TitleMaxBytes = 255,
        DescriptionMaxChars = 3000,
        DescriptionMaxBytes = 10000,
        AcceptsHtmlDescription = false,
        SellsServices = options.SellsServices,
    };
}
