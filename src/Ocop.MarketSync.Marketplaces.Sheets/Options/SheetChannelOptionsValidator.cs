using System.Globalization;
using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Marketplaces.Sheets.Options;

/// <summary>Checks each sheet channel's template (the options name is the channel id), naming the key at fault.</summary>
internal sealed class SheetChannelOptionsValidator : IValidateOptions<SheetChannelOptions>
{
    private static readonly char[] ForbiddenSheetNameChars = ['[', ']', ':', '*', '?', '/', '\\'];

    public ValidateOptionsResult Validate(string? name, SheetChannelOptions options)
    {
        var section = $"Channels:{name}:Sheet:";
        var failures = new List<string>();
        void Check(bool ok, string key, object? value, string rule)
        {
            if (!ok)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}{key} must be {rule} (got '{value}')."));
            }
        }

        Check(Enum.IsDefined(options.FileType), nameof(options.FileType), options.FileType, "Xlsx or Csv");
        Check(IsSheetName(options.SheetName), nameof(options.SheetName), options.SheetName, "1–31 characters without []:*?/\\");
        Check(options.HeaderRow is >= 1 and <= 50, nameof(options.HeaderRow), options.HeaderRow, "from 1 to 50");
        Check(options.TitleRows.Count < options.HeaderRow, nameof(options.TitleRows), options.TitleRows.Count, "fewer rows than HeaderRow");
        Check(options.ThousandsSeparator is "" or "." or "," or " ", nameof(options.ThousandsSeparator), options.ThousandsSeparator, "empty, '.', ',' or ' '");
        Check(IsDateFormat(options.DateFormat), nameof(options.DateFormat), options.DateFormat, "a .NET date format that shows day, month and year (e.g. dd/MM/yyyy)");
        Check(options.ImageSeparator.Length > 0, nameof(options.ImageSeparator), options.ImageSeparator, "non-empty");
        Check(options.CsvDelimiter is "," or ";" or "\t", nameof(options.CsvDelimiter), options.CsvDelimiter, "',', ';' or a tab");
        Check(options.TitleMaxChars is >= 10 and <= 1_000, nameof(options.TitleMaxChars), options.TitleMaxChars, "from 10 to 1000");
        Check(options.DescriptionMaxChars is >= 0 and <= 32_767, nameof(options.DescriptionMaxChars), options.DescriptionMaxChars,
            "from 0 to 32767 (an Excel cell holds no more)");
        foreach (var (key, word) in new[]
                 {
                     ("Actions:Add", options.Actions.Add), ("Actions:Change", options.Actions.Change),
                     ("Actions:Remove", options.Actions.Remove), ("Actions:ReAdd", options.Actions.ReAdd),
                 })
        {
            Check(!string.IsNullOrWhiteSpace(word), key, word, "a non-empty word");
        }

        Check(options.Columns.Count > 0, nameof(options.Columns), options.Columns.Count, "at least one column");
        Check(options.Columns.Any(c => c.Field == SheetField.SellerSku), nameof(options.Columns), "no SellerSku column",
            "a list with a SellerSku column (rows are matched by it)");
        for (var i = 0; i < options.Columns.Count; i++)
        {
            var column = options.Columns[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"Columns:{i}:");
            Check(!string.IsNullOrWhiteSpace(column.Header), key + "Header", column.Header, "the header text of the floor's template");
            Check(column.Field is not null ^ column.Value is not null, key + "Field", column.Field?.ToString() ?? "(none)",
                "set, or else Value set, but not both");
            Check(column.Field is null || Enum.IsDefined(column.Field.Value), key + "Field", column.Field, "a known field");
            Check(column.Field != SheetField.Attribute || !string.IsNullOrWhiteSpace(column.Attribute), key + "Attribute", column.Attribute,
                "the listing attribute key when Field is Attribute");
        }

        if (options.Export is { } export)
        {
            SheetExportOptionsValidator.Validate(section + "Export:", export, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsSheetName(string? name) =>
        name is { Length: >= 1 and <= 31 } && name.IndexOfAny(ForbiddenSheetNameChars) < 0;

    private static bool IsDateFormat(string format)
    {
        // A format must round-trip a date whose day, month and year all differ, or a floor gets ambiguous dates.
        var probe = new DateOnly(2027, 11, 23);
        try
        {
            var text = probe.ToString(format, CultureInfo.InvariantCulture);
            return DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var back) && back == probe;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
