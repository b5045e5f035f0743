using Ocop.MarketSync.Marketplaces.Sheets.Options;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sheets;

/// <summary>A sheet channel's limits: rows cost nothing, so only the template's text limits bind.</summary>
internal static class SheetCapabilities
{
    public const string Marketplace = "sheet";

    /// <summary>Rows per call: an append is one store transaction, so large batches only save round trips.</summary>
    public const int Batch = 500;

    public static MarketplaceCapabilities For(SheetChannelOptions options) => new()
    {
        Marketplace = Marketplace,
        BatchSize = Enum.GetValues<MarketplaceOperation>().ToDictionary(op => op, _ => Batch),
        // No remote API to protect: the pace only needs to stay out of the way of the store.
        RequestsPerSecond = 1_000,
        MinPriceVnd = 1,
        // Floors count characters; the byte limit is the worst case of 4 UTF-8 bytes each, so it never binds.
        TitleMaxChars = options.TitleMaxChars,
        TitleMaxBytes = options.TitleMaxChars * 4,
        DescriptionMaxChars = options.DescriptionMaxChars,
        DescriptionMaxBytes = options.DescriptionMaxChars * 4,
        // A spreadsheet cell shows HTML as tags: descriptions go out as plain text.
        AcceptsHtmlDescription = false,
        SellsServices = options.SellsServices,
        // Staff mark a sheet uploaded and expect its listings on sale at the next push; asking costs no remote call.
        MaxReviewRecheck = TimeSpan.Zero,
    };
}
