using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Ocop.MarketSync.Api.Security;

/// <summary>A plain login form for staff (dashboard users). Same credentials as the Basic scheme of the API.</summary>
public static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapStaffLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
            Page(http, antiforgery, returnUrl, error: null)).ExcludeFromDescription();

        app.MapPost("/login", async (HttpContext http, IAntiforgery antiforgery, StaffCredentials credentials, LoginThrottle throttle,
            [FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl) =>
        {
            var client = http.Connection.RemoteIpAddress;
            var decision = throttle.Check(username, client);
            if (!decision.IsAllowed)
            {
                http.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                var message = decision.IsLocked
                    ? $"Đăng nhập tạm khoá vì sai mật khẩu nhiều lần. Thử lại sau {WaitText(decision.RetryAfter)}. (Too many failed logins: locked; try again in {WaitText(decision.RetryAfter)}.)"
                    : $"Sai mật khẩu nhiều lần. Chờ {WaitText(decision.RetryAfter)} rồi thử lại. (Too many failed logins: wait {WaitText(decision.RetryAfter)}.)";
                return Page(http, antiforgery, returnUrl, message, StatusCodes.Status429TooManyRequests);
            }

            if (!credentials.Verify(username, password))
            {
                throttle.RecordFailure(username, client, "form");
                return Page(http, antiforgery, returnUrl, "Sai tên đăng nhập hoặc mật khẩu. (Wrong username or password.)", StatusCodes.Status401Unauthorized);
            }

            throttle.RecordSuccess(username, client);
            await StaffAuthentication.SignInAsync(http, username!);
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).ExcludeFromDescription();

        app.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("~/login");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Where to go after login: only a path of this site. Anything else (absolute or protocol-relative URLs, a
    /// backslash that browsers read as a slash, control characters that LocalRedirect would throw on) goes to the
    /// dashboard instead of failing the login.
    /// </summary>
    internal static string SafeReturnUrl(string? url)
    {
        const string fallback = "~/hangfire";
        if (string.IsNullOrEmpty(url) || url.Length > 2048 || url[0] != '/' || url.StartsWith("//", StringComparison.Ordinal))
        {
            return fallback;
        }

        foreach (var c in url)
        {
            if (c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return fallback;
            }
        }

        return url;
    }

    private static string WaitText(TimeSpan wait) =>
        wait >= TimeSpan.FromMinutes(1)
            ? $"{Math.Ceiling(wait.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min"
            : $"{Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s";

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error, int status = 200)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Ocop.MarketSync – staff login</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
              body { font-family: system-ui, sans-serif; background: #f4f6f8; display: flex; justify-content: center; padding-top: 10vh; }
              form { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; width: 20rem; }
              label { display: block; margin-top: 1rem; } input { width: 100%; padding: .5rem; box-sizing: border-box; }
              button { margin-top: 1.5rem; width: 100%; padding: .6rem; background: #1f6f43; color: #fff; border: 0; border-radius: 4px; }
              .error { color: #b00020; }
            </style></head>
            <body>
            <form method="post" action="{{Encode(http.Request.PathBase + "/login")}}">
              <h1>Ocop.MarketSync</h1>
              <p>Staff login for the job dashboard.</p>
              {{(error is null ? "" : $"<p class=\"error\" role=\"alert\">{Encode(error)}</p>")}}
              <input type="hidden" name="{{Encode(tokens.FormFieldName)}}" value="{{Encode(tokens.RequestToken ?? "")}}">
              <input type="hidden" name="returnUrl" value="{{Encode(returnUrl ?? "")}}">
              <label>Username <input name="username" autocomplete="username" required autofocus></label>
              <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
              <button type="submit">Log in</button>
            </form>
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
