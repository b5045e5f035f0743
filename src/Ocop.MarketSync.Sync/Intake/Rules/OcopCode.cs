using System.Globalization;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Sync.Intake.Rules;

/// <summary>
/// Parses OCOP product codes by hyphens, never by widths (padding is not specified):
/// <c>T-X-STT-YYYY</c> since the 2025 reform, <c>T-H-X-STT-YYYY</c> (with a district) before it.
/// </summary>
public static class OcopCode
{
    public static bool TryParse(string? code, out OcopCodeParts? parts)
    {
        parts = null;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        var segments = code.Trim().Split('-');
        if (segments.Length is not (4 or 5) || segments.Any(s => s.Length == 0 || !s.All(char.IsAsciiDigit)))
        {
            return false;
        }

        var sequenceText = segments[^2];
        var yearText = segments[^1];
        if (yearText.Length != 4
            || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < 2018 or > 2100
            || !int.TryParse(sequenceText, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        parts = segments.Length == 5
            ? new OcopCodeParts(segments[0], segments[1], segments[2], sequence, year)
            : new OcopCodeParts(segments[0], null, segments[1], sequence, year);
        return true;
    }
}
