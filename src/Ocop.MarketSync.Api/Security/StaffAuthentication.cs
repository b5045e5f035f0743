using System.Security.Claims;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ocop.MarketSync.Api.Security;

/// <summary>Names shared by the staff authentication pieces.</summary>
public static class StaffAuthentication
{
    /// <summary>The policy scheme: Basic when the request carries an Authorization header, otherwise the cookie.</summary>
    public const string Scheme = "Staff";

    /// <summary>The authorization policy that every staff-only endpoint and the dashboard require.</summary>
    public const string Policy = "Staff";

    public const string CookieName = "ocop.staff";

    internal static string SelectScheme(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
            ? BasicAuthenticationHandler.SchemeName
            : CookieAuthenticationDefaults.AuthenticationScheme;

    internal static ClaimsPrincipal Principal(string username, string role, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, username), new Claim(ClaimTypes.Role, role)], scheme));

    /// <summary>Signs a verified login in with its role (viewer or operator) in the cookie.</summary>
    internal static Task SignInAsync(HttpContext context, string username)
    {
        var role = context.RequestServices.GetRequiredService<StaffCredentials>().RoleOf(username);
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            Principal(username, role, CookieAuthenticationDefaults.AuthenticationScheme), new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>
    /// The staff policy: any staff login may read (GET, HEAD); anything else — the API's actions, the console's and
    /// Hangfire's own form posts — needs the operator role. One rule at the endpoint, so no page or endpoint can forget it.
    /// </summary>
    internal static bool Allows(AuthorizationHandlerContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && (context.User.IsInRole(StaffRoles.Operator)
            || (context.Resource is HttpContext http && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))));

    /// <summary>True for a login that may act (the console shows its buttons only then).</summary>
    public static bool CanAct(ClaimsPrincipal user) => user.IsInRole(StaffRoles.Operator);
}

/// <summary>
/// Second lock on the dashboard (the endpoint also requires the staff policy): Hangfire's default filter allows
/// local requests only, which is both too open on a shared host and useless behind a reverse proxy.
/// </summary>
public sealed class StaffDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.Identity?.IsAuthenticated == true;
}

/// <summary>The name staff actions are audited under.</summary>
public static class StaffUser
{
    public static string Name(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? name : "staff";
}
