using System.Text;

namespace Ocop.MarketSync.Sync.Intake.Rules;

/// <summary>Text normalisation for product data: NFC, trimmed. Applied before anything compares, hashes or measures text.</summary>
public static class VietnameseText
{
    /// <summary>NFC and trim; null stays null, whitespace-only becomes null. <paramref name="changed"/> is set when NFC changed the text.</summary>
    public static string? Normalize(string? text, ref bool changed)
    {
        if (text is null)
        {
            return null;
        }

        var nfc = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        if (!ReferenceEquals(nfc, text))
        {
            changed = true;
        }

        nfc = nfc.Trim();
        return nfc.Length == 0 ? null : nfc;
    }
}
