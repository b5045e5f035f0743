using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Tiki.Api;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Tiki;

/// <summary>
/// Tiki's OAuth2 token endpoint (<c>POST {AuthBaseUrl}sc/oauth2/token</c>, form-encoded, client authentication Basic
/// or form fields as the app is registered). A public app exchanges the seller's code and refreshes with a rotating
/// refresh token (the store saves each new one); an in-house app has no code and no refresh token: it asks for a new
/// client_credentials token ahead of expiry, and <c>channel authorize --code</c> ignores the code. After a code
/// exchange, <c>GET /integration/v2/sellers/me</c> checks the shop lets apps update products (§5.6).
/// </summary>
internal sealed class TikiAuthorizer(
    IHttpClientFactory httpClients,
    IOptionsMonitor<TikiChannelOptions> channelOptions,
    IOptionsMonitor<TikiCredentials> credentials,
    TimeProvider time) : IMarketplaceAuthorizer
{
    /// <summary>Used when a token answer has no usable <c>expires_in</c>: the 3,600 s of Tiki's example (§5.6).</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    public string Marketplace => TikiCapabilities.Marketplace;

    /// <summary>600 s ahead, as an integrator does with Tiki's one-hour tokens (§5.6).</summary>
    public TimeSpan RefreshAhead => TimeSpan.FromMinutes(10);

    public async Task<ShopTokens> ExchangeCodeAsync(ChannelOptions channel, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var options = channelOptions.Get(channel.Id);
        var grant = options.AppType == TikiAppType.InHouse
            ? new Dictionary<string, string> { ["grant_type"] = "client_credentials" }
            : new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = options.RedirectUri?.ToString() ?? string.Empty,
            };
        var tokens = await TokenAsync(channel, grant, cancellationToken);
        var seller = await SellerAsync(channel, tokens.AccessToken, cancellationToken);
        if (seller.CanUpdateProduct != 1)
        {
            throw new MarketplaceException(new MarketplaceError.Misconfigured(string.Create(CultureInfo.InvariantCulture,
                $"Tiki seller {seller.Name} ({seller.Id}) does not let apps update its products (sellers/me can_update_product={seller.CanUpdateProduct}, registration_status={seller.RegistrationStatus}): the seller must allow it in Tiki Seller Center, then authorise channel '{channel.Id}' again.")));
        }

        return tokens with { ShopId = seller.Id.ToString(CultureInfo.InvariantCulture) };
    }

    public async Task<ShopTokens> RefreshAsync(ChannelOptions channel, ShopTokens current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(current);
        Dictionary<string, string> grant;
        if (channelOptions.Get(channel.Id).AppType == TikiAppType.InHouse)
        {
            grant = new() { ["grant_type"] = "client_credentials" };
        }
        else if (current.RefreshToken.Length > 0)
        {
            grant = new() { ["grant_type"] = "refresh_token", ["refresh_token"] = current.RefreshToken };
        }
        else
        {
            throw new MarketplaceAuthException($"Channel '{channel.Id}' has no Tiki refresh token (the consent lacked the 'offline' scope): authorise again.");
        }

        var tokens = await TokenAsync(channel, grant, cancellationToken);
        return tokens with { ShopId = current.ShopId };
    }

    private async Task<ShopTokens> TokenAsync(ChannelOptions channel, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var options = channelOptions.Get(channel.Id);
        var keys = credentials.Get(channel.Id);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.AuthBaseUrl, "sc/oauth2/token"));
        if (options.ClientAuth == TikiClientAuth.Basic)
        {
            // RFC 6749 §2.3.1: id and secret are form-encoded before Base64.
            var pair = Uri.EscapeDataString(keys.ClientId) + ":" + Uri.EscapeDataString(keys.ClientSecret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
        else
        {
            form["client_id"] = keys.ClientId;
            form["client_secret"] = keys.ClientSecret;
        }

        request.Content = new FormUrlEncodedContent(form);
        var (status, token, body) = await SendAsync<WireToken>(request, cancellationToken);
        if (status is >= 200 and < 300 && token is { AccessToken.Length: > 0 })
        {
            var now = time.GetUtcNow();
            var lifetime = token.ExpiresIn > 0 ? TimeSpan.FromSeconds(token.ExpiresIn) : DefaultLifetime;
            return new ShopTokens(token.AccessToken, now + lifetime, token.RefreshToken ?? string.Empty, null, null);
        }

        var message = string.Create(CultureInfo.InvariantCulture,
            $"Tiki token endpoint answered HTTP {status} ({form["grant_type"]}): {token?.Error ?? "no error code"} {token?.ErrorDescription ?? Excerpt(body)}").TrimEnd();
        if (status == 429 || status >= 500 || status == 0)
        {
            throw new MarketplaceException(status == 429
                ? new MarketplaceError.RateLimited(options.RateLimitRetryAfter, message)
                : new MarketplaceError.Transient(message));
        }

        // invalid_client: the app's id, secret or client authentication method, not the seller's code or token.
        if (token?.Error == "invalid_client" || (status == 401 && token?.Error is null))
        {
            throw AppCredentialsRefused.Error("Tiki", message, null,
                $"{keys.Section}:ClientId", $"{keys.Section}:ClientSecret", $"Channels:{channel.Id}:Tiki:ClientAuth");
        }

        throw new MarketplaceAuthException(message);
    }

    private async Task<WireSeller> SellerAsync(ChannelOptions channel, string accessToken, CancellationToken cancellationToken)
    {
        var baseUrl = channel.BaseUrl ?? throw new InvalidOperationException($"Channels:{channel.Id}:BaseUrl is required: the Tiki API host.");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, "integration/v2/sellers/me"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var (status, seller, body) = await SendAsync<WireSeller>(request, cancellationToken);
        if (status is >= 200 and < 300 && seller is not null)
        {
            return seller;
        }

        var texts = TikiErrorMapper.ReadTexts(body);
        var text = TikiErrorMapper.Describe(status, texts.Count > 0 ? texts : [Excerpt(body)]);
        throw new MarketplaceException(status == 0 ? new MarketplaceError.Transient(text)
            : new TikiErrorMapper(channelOptions.Get(channel.Id).RateLimitRetryAfter).FromStatus(status, text, null));
    }

    /// <returns>The status (0 when the body could not be read), the body read as <typeparamref name="T"/> (null when unreadable), and the raw body.</returns>
    private async Task<(int Status, T? Body, string Raw)> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
        where T : class
    {
        var http = httpClients.CreateClient(TikiMarketplaceClientFactory.AuthHttpClientName);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var raw = await response.Content.ReadAsStringAsync(cancellationToken);
            T? body = null;
            try
            {
                body = raw.Length == 0 ? null : JsonSerializer.Deserialize<T>(raw, TikiJson.Options);
            }
            catch (JsonException)
            {
                // Unreadable: the status decides.
            }

            return ((int)response.StatusCode, body, raw);
        }
        catch (Exception ex) when (TikiErrorMapper.FromException(ex, cancellationToken) is { } failure)
        {
            throw new MarketplaceException(failure);
        }
    }

    private static string Excerpt(string? body) =>
        string.IsNullOrWhiteSpace(body) ? "no readable body" : body.Length <= 200 ? body : body[..200] + "…";
}
