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

        // The staff console, in the staff's language; Hangfire's own pages stay as Hangfire made them.
        DashboardRoutes.Routes.AddRazorPage("/console/attention", _ => new AttentionPage());
        DashboardRoutes.Routes.AddRazorPage("/console/products", _ => new ProductsPage());
        DashboardRoutes.Routes.AddRazorPage("/console/products/(?<id>[^/]+)", _ => new ProductPage());
        DashboardRoutes.Routes.AddRazorPage("/console/channels", _ => new ChannelsPage());
        DashboardRoutes.Routes.AddRazorPage("/console/reconciliations/(?<run>\\d+)", _ => new ReconciliationPage());
        DashboardRoutes.Routes.Add("/console/actions", new ConsoleActionDispatcher());
        NavigationMenu.Items.Add(page => new MenuItem(ConsoleMenu.Text(page, "Nav.Attention"), page.Url.To("/console/attention"))
        {
            Active = page.RequestPath.StartsWith("/console/attention", StringComparison.Ordinal),
        });
        NavigationMenu.Items.Add(page => new MenuItem(ConsoleMenu.Text(page, "Nav.Products"), page.Url.To("/console/products"))
        {
            Active = page.RequestPath.StartsWith("/console/products", StringComparison.Ordinal),
        });
        NavigationMenu.Items.Add(page => new MenuItem(ConsoleMenu.Text(page, "Nav.Channels"), page.Url.To("/console/channels"))
        {
            Active = page.RequestPath.StartsWith("/console/channels", StringComparison.Ordinal),
        });
        DashboardRoutes.Routes.AddRazorPage(SheetsPage.Route, _ => new SheetsPage());
        DashboardRoutes.Routes.Add(SheetActionDispatcher.Route, new SheetActionDispatcher());

        // Only where a floor without an API is configured: elsewhere the page would only say there is none.
        NavigationMenu.Items.Add(page => !new Sheets.SheetStaffDesk(page.Context.GetHttpContext().RequestServices).ChannelIds.Any()
            ? null!
            : new MenuItem(ConsoleMenu.Text(page, "Nav.Sheets"), page.Url.To(SheetsPage.Route))
            {
                Active = page.RequestPath.StartsWith(SheetsPage.Route, StringComparison.Ordinal),
            });
        DashboardRoutes.Routes.AddRazorPage("/console/reports", _ => new ReportsPage());
        NavigationMenu.Items.Add(page => new MenuItem(ConsoleMenu.Text(page, "Nav.Reports"), page.Url.To("/console/reports"))
        {
            Active = page.RequestPath.StartsWith("/console/reports", StringComparison.Ordinal),
        });

        // The first, English listings page: kept at its address for bookmarks, out of the menu (the console replaces it).
        DashboardRoutes.Routes.AddRazorPage("/listings", _ => new ListingsDashboardPage());
    }
}
