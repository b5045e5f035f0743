using System.Globalization;

namespace Ocop.MarketSync.Marketplaces.Sheets;

/// <summary>
/// The review ticket of a pushed item: <c>{sheetId}|{sellerSku}</c>. The sheet id alone would say when the item is on
/// the floor, but not which item: an approval must answer with the item's remote id (its SKU, or the floor's code).
/// </summary>
internal static class SheetTicket
{
    private const char Separator = '|';

    public static string Format(long sheetId, string sellerSku) =>
        sheetId.ToString(CultureInfo.InvariantCulture) + Separator + sellerSku;

    public static bool TryParse(string ticket, out long sheetId, out string sellerSku)
    {
        sellerSku = string.Empty;
        sheetId = 0;
        var at = ticket.IndexOf(Separator, StringComparison.Ordinal);
        if (at <= 0 || at == ticket.Length - 1
            || !long.TryParse(ticket.AsSpan(0, at), NumberStyles.None, CultureInfo.InvariantCulture, out sheetId))
        {
            return false;
        }

        sellerSku = ticket[(at + 1)..];
        return true;
    }
}
