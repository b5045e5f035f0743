using System.Globalization;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Api.Security;
using Ocop.MarketSync.Sync.Listings.Staff;

namespace Ocop.MarketSync.Api.Dashboard;

/// <summary>
/// <c>POST /hangfire/console/actions</c>: the console's buttons. Runs the action through <see cref="StaffActions"/>
/// (the same as the staff API, audited under the login's name) and redirects back with the result (post/redirect/get).
/// </summary>
/// <remarks>
/// Three locks before anything changes: the staff policy refuses non-GET requests of viewers at the endpoint,
/// Hangfire's dashboard middleware refuses a post without a valid anti-forgery token, and this checks the role again.
/// </remarks>
internal sealed class ConsoleActionDispatcher : IDashboardDispatcher
{
    /// <summary>
    /// The dispatcher's own lock, shared by every console action route: only a POST of a form by staff who may act
    /// goes on. Sets 405 or 403 and answers true otherwise.
    /// </summary>
    internal static bool Refused(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return true;
        }

        if (!StaffAuthentication.CanAct(http.User) || !http.Request.HasFormContentType)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return true;
        }

        return false;
    }

    public async Task Dispatch(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (ConsoleActionDispatcher.Refused(http))
        {
            return;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var action = form["action"].ToString();
        var user = StaffUser.Name(http.User);
        var actions = http.RequestServices.GetRequiredService<StaffActions>();
        var ct = http.RequestAborted;
        var listings = form["listing"].Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).Where(id => id > 0).ToList();
        var products = form["product"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Normalize(System.Text.NormalizationForm.FormC).Trim()).Distinct(StringComparer.Ordinal).ToList();
        var channel = form["channel"].ToString();
        (int Done, int Of) result;
        switch (action)
        {
            case StaffActionKinds.Retry:
                var retried = await actions.RetryAsync(listings, user, ct);
                result = (retried.Count(o => o.Done), retried.Count);
                break;
            case StaffActionKinds.ApprovePrice or StaffActionKinds.KeepPrice:
                var decided = new List<StaffActionOutcome>();
                foreach (var product in products)
                {
                    decided.AddRange(action == StaffActionKinds.ApprovePrice
                        ? await actions.ApproveProductPriceAsync(product, user, ct)
                        : await actions.KeepProductPriceAsync(product, user, ct));
                }

                foreach (var id in listings)
                {
                    decided.Add(action == StaffActionKinds.ApprovePrice ? await actions.ApprovePriceAsync(id, user, ct) : await actions.KeepPriceAsync(id, user, ct));
                }

                result = (decided.Count(o => o.Done), Math.Max(decided.Count, products.Count + listings.Count));
                break;
            case StaffActionKinds.PushNow:
                result = ((await actions.PushNowAsync(channel, user, ct)).Done ? 1 : 0, 1);
                break;
            case StaffActionKinds.ReconcileNow:
                result = (await actions.ReconcileNowAsync(channel, user, ct) is null ? 0 : 1, 1);
                break;
            default:
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
        }

        var back = form["back"].ToString();
        var path = back.StartsWith("/console/", StringComparison.Ordinal) && !back.Contains("//", StringComparison.Ordinal) ? back : "/console/attention";
        var query = string.Create(CultureInfo.InvariantCulture, $"?act={Uri.EscapeDataString(action)}&done={result.Done}&of={result.Of}");
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = new Hangfire.Dashboard.UrlHelper(context).To(path) + query;
    }
}
