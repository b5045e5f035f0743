namespace Ocop.MarketSync.Sync.Intake.Rules;

/// <summary>GS1 GTIN checks (GTIN-8/12/13/14, mod-10 check digit). Vietnamese GTIN-13s start with 893.</summary>
public static class Gtin
{
    public enum Verdict
    {
        Valid,
        NotDigits,
        WrongLength,
        WrongCheckDigit,
    }

    /// <summary>Checks <paramref name="gtin"/>; on a wrong check digit, <paramref name="expectedCheckDigit"/> is the right one.</summary>
    public static Verdict Check(string gtin, out int expectedCheckDigit)
    {
        expectedCheckDigit = -1;
        if (gtin.Length is not (8 or 12 or 13 or 14))
        {
            return gtin.All(char.IsAsciiDigit) ? Verdict.WrongLength : Verdict.NotDigits;
        }

        if (!gtin.All(char.IsAsciiDigit))
        {
            return Verdict.NotDigits;
        }

        expectedCheckDigit = CheckDigit(gtin.AsSpan(0, gtin.Length - 1));
        return gtin[^1] - '0' == expectedCheckDigit ? Verdict.Valid : Verdict.WrongCheckDigit;
    }

    /// <summary>
    /// The GS1 mod-10 check digit of the data digits: weights 3,1,3,… from the right, check = (10 − sum mod 10) mod 10.
    /// </summary>
    public static int CheckDigit(ReadOnlySpan<char> dataDigits)
    {
        var sum = 0;
        for (var i = 0; i < dataDigits.Length; i++)
        {
            var digit = dataDigits[dataDigits.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }

        return (10 - (sum % 10)) % 10;
    }
}
