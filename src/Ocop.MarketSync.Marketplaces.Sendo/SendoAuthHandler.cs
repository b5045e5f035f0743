using System.Net;
using System.Net.Http.Headers;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Sendo;

/// <summary>
/// Puts the shop's current token on every API request (<c>Authorization: bearer …</c>, §6.1). The token comes from
/// <see cref="IShopTokenSource"/>, which logs in again ahead of expiry, one node at a time per shop. When Sendo
/// answers 401 although the token looked valid, the handler has the source log in again once and sends the request
/// once more: a 401 is refused at the gateway before any write, so repeating it cannot duplicate a product. A second
/// 401 goes back to the client (AuthExpired).
/// </summary>
internal sealed class SendoAuthHandler(string channelId, IShopTokenSource tokenSource) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tokens = await tokenSource.GetAsync(channelId, cancellationToken);
        await FreezeBodyAsync(request, cancellationToken);
        var response = await SendWithAsync(request, tokens, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        tokens = await tokenSource.RefreshNowAsync(channelId, tokens, cancellationToken);
        return await SendWithAsync(request, tokens, cancellationToken);
    }

    private Task<HttpResponseMessage> SendWithAsync(HttpRequestMessage request, ShopTokens tokens, CancellationToken cancellationToken)
    {
        // Sendo's docs write the scheme in lower case.
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", tokens.AccessToken);
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>The body as bytes, so the request can be sent a second time after a new login.</summary>
    private static async Task FreezeBodyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not { } content)
        {
            return;
        }

        var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
        var frozen = new ByteArrayContent(bytes);
        foreach (var header in content.Headers)
        {
            frozen.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        frozen.Headers.ContentLength = bytes.Length;
        request.Content = frozen;
    }
}
