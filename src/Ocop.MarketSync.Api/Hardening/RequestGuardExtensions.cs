using Ocop.MarketSync.Api.Hardening;

namespace Microsoft.AspNetCore.Builder;

public static class RequestGuardExtensions
{
    /// <summary>Before authentication: refuses control characters in the path and query (400 naming the parameter).</summary>
    public static IApplicationBuilder UseMarketSyncInputGuards(this IApplicationBuilder app) => app.UseControlCharacterGuard();

    /// <summary>After authentication: cookie-authenticated changes must come from this site.</summary>
    public static IApplicationBuilder UseMarketSyncCrossSiteGuard(this IApplicationBuilder app) => app.UseCrossSiteRequestGuard();
}
