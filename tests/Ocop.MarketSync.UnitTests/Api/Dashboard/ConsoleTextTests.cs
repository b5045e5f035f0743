using System.Globalization;
using System.Net;
using Ocop.MarketSync.Api.Dashboard;

namespace Ocop.MarketSync.UnitTests.Api.Dashboard;

public sealed class ConsoleTextTests
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Theory]
    [InlineData(0.02, "< 0,1 giây")]
    [InlineData(3.24, "3,2 giây")]
    [InlineData(125, "2 phút 05 giây")]
    public void Duration_Vietnamese_ShortRunsAreNotShownAsZero(double seconds, string expected)
    {
        var text = new ConsoleText(CultureInfo.GetCultureInfo("vi-VN"), Vietnam);

        // The text goes into the page HTML-encoded; what the browser shows is the decoded text.
        Assert.Equal(expected, WebUtility.HtmlDecode(text.Duration(TimeSpan.FromSeconds(seconds))));
    }

    [Fact]
    public void Time_IsShownInVietnam()
    {
        var text = new ConsoleText(CultureInfo.GetCultureInfo("vi-VN"), Vietnam);

        Assert.Equal("06/12/2026 08:27", text.Time(new DateTime(2026, 12, 6, 1, 27, 50, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("vi-VN", "sheet", "Chờ tải lên sàn")]
    [InlineData("vi-VN", "tiki", "Sàn đang duyệt")]
    [InlineData("en", "sheet", "Waiting for upload to the floor")]
    public void State_InReviewOnASheetChannel_SaysItWaitsForTheUpload(string culture, string marketplace, string expected)
    {
        var text = new ConsoleText(CultureInfo.GetCultureInfo(culture), Vietnam);

        Assert.Equal(WebUtility.HtmlEncode(expected), text.State(Ocop.MarketSync.Data.Entities.ListingState.InReview, marketplace));
        Assert.Equal(text.State(Ocop.MarketSync.Data.Entities.ListingState.Active), text.State(Ocop.MarketSync.Data.Entities.ListingState.Active, "sheet"));
    }
}
