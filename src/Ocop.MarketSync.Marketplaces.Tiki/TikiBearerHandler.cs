using System.Net;
using System.Net.Http.Headers;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Tiki;

/// <summary>
/// Puts the channel's current access token on every API request (<c>Authorization: Bearer</c>, §5.1). When Tiki
/// answers 401 although the store thought the token valid, the token is refreshed once (a new client_credentials
/// token for an in-house app, the rotating refresh token for a public one) and the request sent once more: a 401 is
/// refused before anything is done, so repeating it cannot duplicate a write. A second 401 goes to the error mapper
/// (AuthExpired); a refused refresh throws <see cref="ChannelNotAuthorizedException"/>, also AuthExpired.
/// </summary>
internal sealed class TikiBearerHandler(string channelId, IShopTokenSource tokenSource) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tokens = await tokenSource.GetAsync(channelId, cancellationToken);
        if (request.Content is not null)
        {
            // Buffered so the same body can go out again after a refresh.
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        tokens = await tokenSource.RefreshNowAsync(channelId, tokens, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
