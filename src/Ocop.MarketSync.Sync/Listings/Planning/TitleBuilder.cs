namespace Ocop.MarketSync.Sync.Listings.Planning;

/// <summary>
/// Renders a channel's title template ("{name} – OCOP {stars}★") within the marketplace's limits, cutting the
/// product name, never the OCOP badge: a long name must not cost the product its certification mark.
/// </summary>
public static class TitleBuilder
{
    public const string NamePlaceholder = "{name}";
    public const string StarsPlaceholder = "{stars}";

    /// <param name="showBadge">False when the certificate is not valid: the OCOP mark may not be shown (DOMAIN.md §1.7).</param>
    public static string Build(string template, string name, int stars, bool showBadge, int maxChars, int maxBytes)
    {
        if (!showBadge)
        {
            return TextLimits.Cut(name, maxChars, maxBytes);
        }

        var frame = template.Replace(StarsPlaceholder, stars.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var empty = frame.Replace(NamePlaceholder, string.Empty, StringComparison.Ordinal);
        var nameChars = maxChars - empty.Length;
        var nameBytes = maxBytes - System.Text.Encoding.UTF8.GetByteCount(empty);
        if (nameChars <= 0 || nameBytes <= 0)
        {
            // A template longer than the limit: drop the badge rather than the name.
            return TextLimits.Cut(name, maxChars, maxBytes);
        }

        return frame.Replace(NamePlaceholder, TextLimits.Cut(name, nameChars, nameBytes), StringComparison.Ordinal);
    }
}
