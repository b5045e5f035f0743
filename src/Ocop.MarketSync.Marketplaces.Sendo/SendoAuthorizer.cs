using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Sendo.Api;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Sendo;

/// <summary>
/// Sendo's login (<c>POST /login</c> with the shop's <c>shop_key</c>/<c>secret_key</c> → a JWT of about 8 hours,
/// no refresh token) in the shape of the other marketplaces' token endpoints, so the token store keeps, shares and
/// renews it like theirs: "refresh" is a new login, which the store runs ahead of expiry, one node at a time per
/// shop (its distributed lock), and saves for every node to reuse. There is no consent step: <c>channel authorize</c>
/// ignores its code, logs in once and verifies the token with a one-product search, so a shop whose API access is
/// switched off is found at once rather than at the first push.
/// </summary>
internal sealed class SendoAuthorizer(
    IHttpClientFactory httpClients,
    IOptionsMonitor<SendoCredentials> credentials,
    SendoLoginGate gate,
    TimeProvider time) : IMarketplaceAuthorizer
{
    /// <summary>Sendo's tokens last about 8 hours (§6.5); when <c>expires</c> cannot be read, this is assumed.</summary>
    public static readonly TimeSpan AssumedLifetime = TimeSpan.FromHours(8);

    /// <summary>Sendo's own time zone, for an <c>expires</c> without an offset [unverified: Sendo's servers are in Vietnam].</summary>
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public string Marketplace => SendoCapabilities.Marketplace;

    /// <summary>Half an hour of an 8-hour token: room for a failed login to be retried before calls start failing.</summary>
    public TimeSpan RefreshAhead => TimeSpan.FromMinutes(30);

    public async Task<ShopTokens> ExchangeCodeAsync(ChannelOptions channel, string code, CancellationToken cancellationToken)
    {
        var tokens = await LoginAsync(channel, cancellationToken);
        await VerifyAsync(channel, tokens, cancellationToken);
        return tokens;
    }

    public Task<ShopTokens> RefreshAsync(ChannelOptions channel, ShopTokens current, CancellationToken cancellationToken) =>
        LoginAsync(channel, cancellationToken);

    /// <exception cref="MarketplaceException">Misconfigured for refused keys; RateLimited or Transient otherwise.</exception>
    public async Task<ShopTokens> LoginAsync(ChannelOptions channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var keys = credentials.Get(channel.Id);
        var api = RestService.ForGenerated<ISendoLoginApi>(Http(channel), SendoJson.Refit);
        await gate.WaitAsync(cancellationToken);
        IApiResponse<WireEnvelope> response;
        try
        {
            response = await api.LoginAsync(new WireLogin(keys.ShopKey, keys.SecretKey), cancellationToken);
        }
        catch (Exception ex) when (SendoErrorMapper.FromException(ex, cancellationToken) is { } failure)
        {
            throw new MarketplaceException(failure);
        }

        using (response)
        {
            var error = SendoErrorMapper.FromResponse(response, cancellationToken);
            if (error is null && response.Content?.Result is { ValueKind: JsonValueKind.Object } result
                && result.TryGetProperty("token", out var token) && token.GetString() is { Length: > 0 } jwt)
            {
                var expires = result.TryGetProperty("expires", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                return new ShopTokens(jwt, ExpiryOf(expires, jwt), string.Empty, null, null);
            }

            error ??= new MarketplaceError.Transient("Sendo answered the login without a token.");
            // Keys refused (401, or a 400/403 refusal): the shop's keys in configuration are wrong, a new login cannot help.
            throw error is MarketplaceError.AuthExpired or MarketplaceError.Rejected or MarketplaceError.Misconfigured
                ? AppCredentialsRefused.Error("Sendo", error.Message, null, $"{keys.Section}:ShopKey", $"{keys.Section}:SecretKey")
                : new MarketplaceException(error);
        }
    }

    /// <summary>The instant the token expires: <c>expires</c> if readable, else the JWT's <c>exp</c>, else 8 hours from now.</summary>
    public DateTimeOffset ExpiryOf(string? expires, string jwt)
    {
        if (DateTime.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return parsed.Kind switch
            {
                DateTimeKind.Utc => new DateTimeOffset(parsed, TimeSpan.Zero),
                DateTimeKind.Local => DateTimeOffset.Parse(expires!, CultureInfo.InvariantCulture),
                _ => new DateTimeOffset(parsed, VietnamOffset),
            };
        }

        return JwtExpiry(jwt) ?? time.GetUtcNow() + AssumedLifetime;
    }

    private static DateTimeOffset? JwtExpiry(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            return document.RootElement.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>One product of search with the new token: proves the token works on the product API (access enabled).</summary>
    private async Task VerifyAsync(ChannelOptions channel, ShopTokens tokens, CancellationToken cancellationToken)
    {
        var http = Http(channel);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("bearer", tokens.AccessToken);
        var api = RestService.ForGenerated<ISendoApi>(http, SendoJson.Refit);
        IApiResponse<WireEnvelope> response;
        try
        {
            response = await api.SearchAsync(new WireSearchRequest(1, null, null, null, null, null), cancellationToken);
        }
        catch (Exception ex) when (SendoErrorMapper.FromException(ex, cancellationToken) is { } failure)
        {
            throw new MarketplaceException(failure);
        }

        using (response)
        {
            if (SendoErrorMapper.FromResponse(response, cancellationToken) is { } error)
            {
                throw new MarketplaceException(error is MarketplaceError.AuthExpired or MarketplaceError.Misconfigured
                    ? new MarketplaceError.Misconfigured($"Sendo accepted the login but refused the product API: is API access enabled for the shop in seller centre? {error.Message}")
                    : error);
            }
        }
    }

    private HttpClient Http(ChannelOptions channel)
    {
        var http = httpClients.CreateClient(SendoMarketplaceClientFactory.LoginHttpClientName);
        http.BaseAddress = channel.BaseUrl ?? throw new InvalidOperationException($"Channels:{channel.Id}:BaseUrl is required: the Sendo API host, e.g. https://open.sendo.vn/.");
        return http;
    }
}
