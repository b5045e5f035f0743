using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;

namespace Ocop.MarketSync.Marketplaces.Sandbox;

/// <summary>
/// Adds <c>Authorization: Bearer</c> from the key <c>{CredentialsRef}:AccessToken</c> (e.g. the environment variable
/// <c>SANDBOX_HCM__ACCESSTOKEN</c> for <c>CredentialsRef=SANDBOX_HCM</c>). Read on every request, so a rotated token is
/// used without a restart; never logged. Runs inside the resilience pipeline, so each attempt carries the current token.
/// </summary>
internal sealed class SandboxAccessTokenHandler(IConfiguration configuration, string credentialsRef) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (configuration[credentialsRef + ":AccessToken"] is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
