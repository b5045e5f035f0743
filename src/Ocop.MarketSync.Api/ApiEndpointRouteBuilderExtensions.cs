using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Routing;
using Ocop.MarketSync.Api.Alerts;
using Ocop.MarketSync.Api.Certificates;
using Ocop.MarketSync.Api.Health;
using Ocop.MarketSync.Api.Intake;
using Ocop.MarketSync.Api.Listings;
using Ocop.MarketSync.Api.Marketplaces;
using Ocop.MarketSync.Api.Products;
using Ocop.MarketSync.Api.Reconciliation;
using Ocop.MarketSync.Api.Registry;
using Ocop.MarketSync.Api.Reports;
using Ocop.MarketSync.Api.Security;
using Ocop.MarketSync.Api.Sheets;

namespace Microsoft.AspNetCore.Builder;

public static class ApiEndpointRouteBuilderExtensions
{
    public const string DashboardPath = "/hangfire";

    /// <summary>Maps the status API, OpenAPI document, health, staff login and the authenticated Hangfire dashboard.</summary>
    public static IEndpointRouteBuilder MapMarketSyncApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapHealth();
        app.MapStaffLogin();
        app.MapLockoutEndpoints();
        app.MapProductEndpoints();
        app.MapIntakeEndpoints();
        app.MapListingEndpoints();
        app.MapListingHistoryEndpoints();
        app.MapReconciliationEndpoints();
        app.MapRegistryChangeEndpoints();
        app.MapMarketplaceWebhookEndpoints();
        app.MapCertificateEndpoints();
        app.MapReportEndpoints();
        app.MapAlertEndpoints();
        app.MapSheetEndpoints();
        Ocop.MarketSync.Api.Dashboard.DashboardExtensions.AddMarketSyncPages();
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new StaffDashboardAuthorizationFilter()],
            DashboardTitle = "Ocop.MarketSync",
            DisplayStorageConnectionString = false,
            AppPath = null,

            // Viewers get Hangfire's pages without Delete, Trigger or Requeue (their POSTs are refused anyway).
            IsReadOnlyFunc = context => !StaffAuthentication.CanAct(context.GetHttpContext().User),
        }).RequireAuthorization(StaffAuthentication.Policy);
        return app;
    }
}
