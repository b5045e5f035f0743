using System.Security.Claims;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

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

    internal static ClaimsPrincipal Principal(string username) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, username)], CookieAuthenticationDefaults.AuthenticationScheme));

    internal static Task SignInAsync(HttpContext context, string username) =>
        context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(username),
            new AuthenticationProperties { IsPersistent = false });
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
