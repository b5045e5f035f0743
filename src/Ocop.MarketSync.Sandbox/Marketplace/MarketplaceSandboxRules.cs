using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>
/// What the sandbox marketplace refuses per item, with the message a seller would read. Each method returns null
/// when the value is acceptable.
/// </summary>
internal static partial class MarketplaceSandboxRules
{
    public static string? CheckContent(MarketplaceSandboxOptions options, string? title, string? description, string? categoryId)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return "title is required";
        }

        if (CheckLength("title", title, options.TitleMaxChars, options.TitleMaxBytes) is { } titleError)
        {
            return titleError;
        }

        if (CheckLength("description", description ?? string.Empty, options.DescriptionMaxChars, options.DescriptionMaxBytes) is { } descriptionError)
        {
            return descriptionError;
        }

        if (!options.AcceptsHtmlDescription && description is not null && HtmlTag().IsMatch(description))
        {
            return "description must be plain text (HTML tags are not accepted)";
        }

        if (string.IsNullOrWhiteSpace(categoryId))
        {
            return "categoryId is required";
        }

        return options.KnownCategories.Count > 0 && !options.KnownCategories.Contains(categoryId)
            ? $"unknown category '{categoryId}'"
            : null;
    }

    public static string? CheckPrice(long? priceVnd) => priceVnd switch
    {
        null => "priceVnd is required",
        <= 0 => string.Create(CultureInfo.InvariantCulture, $"priceVnd must be positive (got {priceVnd})"),
        _ => null,
    };

    public static string? CheckStock(int? stock) => stock switch
    {
        null => "stock is required",
        < 0 => string.Create(CultureInfo.InvariantCulture, $"stock must not be negative (got {stock})"),
        _ => null,
    };

    /// <summary>Characters are counted as Unicode scalar values, never more than <see cref="string.Length"/>.</summary>
    private static string? CheckLength(string field, string value, int maxChars, int maxBytes)
    {
        var chars = value.EnumerateRunes().Count();
        if (chars > maxChars)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{field} is {chars} characters, more than the limit of {maxChars}");
        }

        var bytes = Encoding.UTF8.GetByteCount(value);
        return bytes > maxBytes
            ? string.Create(CultureInfo.InvariantCulture, $"{field} is {bytes} bytes of UTF-8, more than the limit of {maxBytes}")
            : null;
    }

    /// <summary>An opening, closing or comment tag; "&lt; 12%" in plain text is not one.</summary>
    [GeneratedRegex("<(?:/?[A-Za-z]|!)", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();
}
