namespace Ocop.MarketSync.Marketplaces.Sheets.Writing;

/// <summary>One cell of an upload sheet: text, or a whole number (price, stock, stars, grams) that XLSX keeps numeric.</summary>
internal readonly record struct SheetCell(string Text, long? Number = null)
{
    public static readonly SheetCell Empty = new(string.Empty);

    public bool IsNumber => Number is not null;
}
