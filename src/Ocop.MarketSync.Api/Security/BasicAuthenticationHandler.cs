using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Api.Security;

/// <summary>HTTP Basic for scripts and tools calling the staff API; browsers use the cookie login instead.</summary>
internal sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    StaffCredentials credentials,
    LoginThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, SchemeName, StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("Malformed Basic credentials."));
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        var username = colon < 0 ? decoded : decoded[..colon];
        var client = Context.Connection.RemoteIpAddress;
        var decision = throttle.Check(username, client);
        if (!decision.IsAllowed)
        {
            // Not even checked: a guess during the wait teaches nothing. The challenge answers 429 with Retry-After.
            Context.Items[ThrottledKey] = decision;
            return Task.FromResult(AuthenticateResult.Fail("Too many failed staff logins; retry later."));
        }

        if (colon < 0 || !credentials.Verify(username, decoded[(colon + 1)..]))
        {
            throttle.RecordFailure(username, client, "basic");
            return Task.FromResult(AuthenticateResult.Fail("Invalid staff credentials."));
        }

        throttle.RecordSuccess(username, client);
        var principal = StaffAuthentication.Principal(username, credentials.RoleOf(username), SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[ThrottledKey] is LoginDecision throttled)
        {
            Response.StatusCode = StatusCodes429;
            Response.Headers.RetryAfter = throttled.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }

        Response.StatusCode = StatusCodes401;
        Response.Headers.WWWAuthenticate = "Basic realm=\"Ocop.MarketSync\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    private const int StatusCodes401 = 401;
    private const int StatusCodes429 = 429;
    private static readonly object ThrottledKey = new();
}
