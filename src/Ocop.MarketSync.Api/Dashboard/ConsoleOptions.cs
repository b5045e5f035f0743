using System.Globalization;
using Ocop.MarketSync.Sync.Texts;

namespace Ocop.MarketSync.Api.Dashboard;

/// <summary>Section <c>Console</c>: the language of the staff console pages inside the dashboard.</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Console";

    /// <summary><c>vi</c> (default: staff read Vietnamese) or <c>en</c>.</summary>
    public string Language { get; set; } = "vi";

    public CultureInfo Culture => Language == "en" ? ReasonTexts.English : ReasonTexts.Vietnamese;
}
