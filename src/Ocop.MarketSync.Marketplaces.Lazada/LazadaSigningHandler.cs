using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>
/// Signs every call of one channel the lazop way. It takes the business parameters the Refit client put in the
/// query (GET) or the form body (POST), adds <c>app_key</c>, <c>timestamp</c> (epoch milliseconds),
/// <c>sign_method=sha256</c> and, except on the token endpoints, <c>access_token</c>, signs exactly that list and
/// sends exactly that list: the query or form body is rebuilt here from the signed values, so what is signed is
/// what is sent. Empty parameters are dropped, as the official Java/.NET SDKs do, because the gateway would
/// sign them differently. An <c>IllegalAccessToken</c> answer (a token revoked before its expiry) gets one
/// refresh and one resend: the gateway refused the call, so nothing was applied and resending a write is safe.
/// Runs inside the resilience pipeline, so every attempt gets a fresh timestamp and the current token.
/// </summary>
internal sealed class LazadaSigningHandler(
    string channelId,
    string basePath,
    Func<LazadaCredentials> credentials,
    IShopTokenSource? tokens,
    TimeProvider time) : DelegatingHandler
{
    public static readonly HashSet<string> SystemParameters = new(["app_key", "timestamp", "sign_method", "access_token", "sign"], StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("A Lazada request needs an absolute URI.");
        var business = LazadaForm.Parse(uri.Query);
        var isForm = request.Content is not null;
        if (isForm)
        {
            business.AddRange(LazadaForm.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)));
        }

        business.RemoveAll(p => string.IsNullOrEmpty(p.Value) || SystemParameters.Contains(p.Key));
        var apiPath = ApiPathOf(uri);
        var current = tokens is null ? null : await tokens.GetAsync(channelId, cancellationToken);
        var response = await SendSignedAsync(request, uri, apiPath, business, isForm, current, cancellationToken);
        if (current is null || !await IsIllegalAccessTokenAsync(response, cancellationToken))
        {
            return response;
        }

        response.Dispose();
        var refreshed = await tokens!.RefreshNowAsync(channelId, current, cancellationToken);
        return await SendSignedAsync(request, uri, apiPath, business, isForm, refreshed, cancellationToken);
    }

    private Task<HttpResponseMessage> SendSignedAsync(
        HttpRequestMessage request, Uri uri, string apiPath, List<KeyValuePair<string, string>> business, bool isForm,
        ShopTokens? shop, CancellationToken cancellationToken)
    {
        var key = credentials();
        var parameters = new List<KeyValuePair<string, string>>(business)
        {
            new("app_key", key.AppKey),
            new("timestamp", time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            new("sign_method", "sha256"),
        };
        if (shop is not null)
        {
            parameters.Add(new("access_token", shop.AccessToken));
        }

        parameters.Add(new("sign", LazadaSignature.Sign(apiPath, parameters, key.AppSecret)));
        var encoded = LazadaForm.Encode(parameters);
        var target = new UriBuilder(uri) { Query = isForm ? string.Empty : encoded };
        request.RequestUri = target.Uri;
        if (isForm)
        {
            // Every parameter in the form body, none in the URL: a large payload would not fit a URL.
            request.Content = new StringContent(encoded, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
        }

        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>The API name as Lazada signs it: the path after the gateway's base path (<c>/rest</c>).</summary>
    private string ApiPathOf(Uri uri)
    {
        var path = uri.AbsolutePath;
        return basePath.Length > 0 && path.StartsWith(basePath + "/", StringComparison.Ordinal) ? path[basePath.Length..] : path;
    }

    private static async Task<bool> IsIllegalAccessTokenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return false;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String
                && code.GetString() == LazadaErrorCodes.IllegalAccessToken;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
