using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Ocop.MarketSync.Api.Hardening;

/// <summary>
/// A browser attaches the staff cookie to any request it sends, so a request that changes state and is
/// authenticated by that cookie alone must prove it comes from our own pages: an anti-forgery token, or an
/// <c>Origin</c> (or <c>Sec-Fetch-Site: same-origin</c>) naming this site. SameSite=Strict stays as the first guard;
/// this is the second, for browsers or proxies that do not honour it. Tools using Basic authentication carry no
/// cookie and are not affected; the login form has its own token.
/// </summary>
internal static class CrossSiteRequestGuard
{
    public static IApplicationBuilder UseCrossSiteRequestGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (NeedsProof(context) && !await IsSameSiteAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Title = "Cross-site request refused",
                        Detail = "A change made with the staff login cookie must come from this site's own pages "
                            + "(anti-forgery token or same-origin request). Scripts should use HTTP Basic authentication instead.",
                    },
                });
                return;
            }

            await next(context);
        });

    private static bool NeedsProof(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method)
        && !HttpMethods.IsHead(context.Request.Method)
        && !HttpMethods.IsOptions(context.Request.Method)
        && !HttpMethods.IsTrace(context.Request.Method)
        && context.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme }
        && !context.Request.Path.StartsWithSegments("/login", StringComparison.OrdinalIgnoreCase);

    private static async Task<bool> IsSameSiteAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        var origin = headers.Origin.ToString();
        if (origin.Length > 0 && origin != "null")
        {
            // Authority only: behind a TLS-terminating proxy the scheme seen here may differ from the browser's.
            return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
        }

        if (string.Equals(headers["Sec-Fetch-Site"].ToString(), "same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(context);
    }
}
