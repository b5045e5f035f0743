using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ocop.MarketSync.Api.Security;

internal static class LockoutEndpoints
{
    public static IEndpointRouteBuilder MapLockoutEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/security/lockouts", (LoginThrottle throttle) => TypedResults.Ok(throttle.Snapshot()))
            .WithTags("Security")
            .WithSummary("Users and client addresses whose staff logins are slowed or locked on this node after failed attempts.")
            .RequireAuthorization(StaffAuthentication.Policy);
        return app;
    }
}
