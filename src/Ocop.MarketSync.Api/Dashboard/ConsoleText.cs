using System.Globalization;
using System.Net;
using System.Resources;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Texts;

namespace Ocop.MarketSync.Api.Dashboard;

/// <summary>
/// What the console pages say and how they write values: strings from Console.resx (Vietnamese) and
/// Console.en.resx, money as <c>215.000 ₫</c>, times in Asia/Ho_Chi_Minh as <c>dd/MM/yyyy HH:mm</c>. Everything
/// that goes into HTML passes <see cref="Encode"/>.
/// </summary>
internal sealed class ConsoleText(CultureInfo culture, TimeZoneInfo zone)
{
    private static readonly ResourceManager Resources = new("Ocop.MarketSync.Api.Dashboard.Console", typeof(ConsoleText).Assembly);

    /// <summary>Money and dates are written the Vietnamese way in both languages: the amounts are Vietnamese đồng.</summary>
    private static readonly CultureInfo Numbers = CultureInfo.GetCultureInfo("vi-VN");

    public CultureInfo Culture => culture;

    public TimeZoneInfo Zone => zone;

    /// <summary>The text of <paramref name="key"/>, HTML-encoded.</summary>
    public string this[string key] => Encode(Raw(key));

    public string Format(string key, params object[] args) => Encode(string.Format(culture, Raw(key), args));

    public string Raw(string key) => Resources.GetString(key, culture) ?? key;

    public string State(ListingState state) => this["State." + state];

    /// <summary>
    /// The state as staff of that channel's kind read it: on a sheet channel nobody reviews anything, the rows wait
    /// for staff to upload the sheet, so "in review" would send them looking at the floor instead of the upload page.
    /// </summary>
    public string State(ListingState state, string? marketplace) =>
        state == ListingState.InReview && string.Equals(marketplace, "sheet", StringComparison.OrdinalIgnoreCase)
            ? this["State.InReview.sheet"] : State(state);

    public string Outcome(ProductOutcome outcome) => this["Outcome." + outcome];

    /// <summary>The plain-language reason with its code beside it (codes stay: staff search and tools match on them).</summary>
    public string Reason(ProductIssue issue) =>
        $"{Encode(ReasonTexts.Message(issue.Code, culture, issue.Message))} <code>{Encode(issue.Code)}</code>";

    public static string Money(long vnd) => vnd.ToString("N0", Numbers) + " ₫";

    public string Time(DateTime? utc) =>
        utc is { } at ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>
    /// How long something took, <c>3,2 giây</c> or <c>2 phút 05 giây</c> (numbers in the page's language); a run
    /// shorter than the tenths shown reads <c>&lt; 0,1 giây</c>, not "0 giây", which looks like nothing ran.
    /// </summary>
    public string Duration(TimeSpan duration) => duration.TotalSeconds < 0.05
        ? Format("Duration.Seconds", "< " + 0.1.ToString("0.#", culture))
        : duration.TotalSeconds < 60
        ? Format("Duration.Seconds", Math.Round(Math.Max(0, duration.TotalSeconds), 1).ToString("0.#", culture))
        : Format("Duration.Minutes", ((int)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture), duration.Seconds.ToString("00", CultureInfo.InvariantCulture));

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string Percent(decimal value) => value.ToString("+0.#;-0.#", Numbers) + " %";

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
