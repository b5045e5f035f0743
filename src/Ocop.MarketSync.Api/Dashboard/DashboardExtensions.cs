using Hangfire.Dashboard;

namespace Ocop.MarketSync.Api.Dashboard;

/// <summary>Adds our pages to the Hangfire dashboard. Hangfire keeps routes and menu in static lists: add once per process.</summary>
internal static class DashboardExtensions
{
    private static int _registered;

    public static void AddMarketSyncPages()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        DashboardRoutes.Routes.AddRazorPage("/listings", _ => new ListingsDashboardPage());
        NavigationMenu.Items.Add(page => new MenuItem("Listings", page.Url.To("/listings"))
        {
            Active = page.RequestPath.StartsWith("/listings", StringComparison.Ordinal),
        });
    }
}
