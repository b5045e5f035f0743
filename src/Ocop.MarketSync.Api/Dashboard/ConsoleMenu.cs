using Hangfire.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Api.Dashboard;

/// <summary>Menu entries of the console in the configured language (the menu is built for every page, ours or Hangfire's).</summary>
internal static class ConsoleMenu
{
    public static string Text(RazorPage page, string key)
    {
        var culture = page.Context.GetHttpContext().RequestServices.GetRequiredService<IOptions<ConsoleOptions>>().Value.Culture;
        return new System.Resources.ResourceManager("Ocop.MarketSync.Api.Dashboard.Console", typeof(ConsoleMenu).Assembly).GetString(key, culture) ?? key;
    }
}
