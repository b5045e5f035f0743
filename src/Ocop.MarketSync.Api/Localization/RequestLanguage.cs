using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Ocop.MarketSync.Sync.Texts;

namespace Ocop.MarketSync.Api.Localization;

/// <summary>
/// The language of the status API's messages: Vietnamese unless the request's Accept-Language puts English first.
/// Only the UI culture is set (messages), never the formatting culture, so numbers and dates in JSON stay invariant.
/// </summary>
internal sealed class RequestLanguage : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, proceed) =>
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                var culture = ReasonTexts.FromAcceptLanguage(context.Request.Headers.AcceptLanguage.ToString());
                CultureInfo.CurrentUICulture = culture;
                context.Response.Headers.ContentLanguage = culture == ReasonTexts.English ? "en" : "vi";
                context.Response.Headers.Append("Vary", "Accept-Language");
            }

            await proceed(context);
        });
        next(app);
    };
}
