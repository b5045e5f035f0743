using System.Text.Json;
using Ocop.MarketSync.Marketplaces.Shopee.Api;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>The payload of a successful Shopee call, or the call's failure in the taxonomy; with Shopee's request id.</summary>
internal readonly record struct ShopeeOutcome<T>(T? Payload, MarketplaceError? Error, string? RequestId);

/// <summary>Runs one Shopee call and reads its envelope: success is an empty <c>error</c>, whatever the HTTP status.</summary>
internal static class ShopeeCall
{
    public static async Task<ShopeeOutcome<T>> RunAsync<T>(
        Func<CancellationToken, Task<IApiResponse<ShopeeEnvelope<T>>>> call, TimeSpan promotionRetryAfter, CancellationToken cancellationToken)
        where T : class
    {
        IApiResponse<ShopeeEnvelope<T>> response;
        try
        {
            response = await call(cancellationToken);
        }
        catch (Exception ex) when (FromException(ex, cancellationToken) is { } failure)
        {
            return new(null, failure, null);
        }

        using (response)
        {
            if (response.HasRequestError(out var requestError))
            {
                cancellationToken.ThrowIfCancellationRequested();
                return new(null, FromException(requestError, cancellationToken)
                    ?? new MarketplaceError.Transient($"No answer from Shopee: {requestError.Message}"), null);
            }

            if (response.IsSuccessStatusCode && response.Content is { } envelope)
            {
                if (!string.IsNullOrEmpty(envelope.Error))
                {
                    return new(null, ShopeeErrorMapper.FromError(envelope.Error, envelope.Message, envelope.RequestId, promotionRetryAfter), envelope.RequestId);
                }

                return envelope.Response is null
                    ? new(null, new MarketplaceError.Transient("Shopee answered success without a response.") { RequestId = envelope.RequestId }, envelope.RequestId)
                    : new(envelope.Response, null, envelope.RequestId);
            }

            var body = ReadErrorBody(response.HasResponseError(out var apiError) ? apiError.Content : null);
            var status = (int)(response.StatusCode ?? 0);
            MarketplaceError error = status == 429
                ? new MarketplaceError.RateLimited(ShopeeErrorMapper.DefaultRetryAfter, $"HTTP 429 {body?.Error}: {body?.Message}") { RequestId = body?.RequestId }
                : !string.IsNullOrEmpty(body?.Error) ? ShopeeErrorMapper.FromError(body.Error, body.Message, body.RequestId, promotionRetryAfter)
                : response.IsSuccessStatusCode ? new MarketplaceError.Transient($"Shopee's answer could not be read: {response.Error?.Message}")
                : ShopeeErrorMapper.FromStatus(status, response.ReasonPhrase, body?.RequestId);
            return new(null, error, error.RequestId);
        }
    }

    /// <summary>A token call answers at the top level, without <c>response</c>.</summary>
    public static async Task<(WireTokenResponse? Tokens, WireErrorBody? Refusal, MarketplaceError? Failure)> RunTokenAsync(
        Func<CancellationToken, Task<IApiResponse<WireTokenResponse>>> call, CancellationToken cancellationToken)
    {
        IApiResponse<WireTokenResponse> response;
        try
        {
            response = await call(cancellationToken);
        }
        catch (Exception ex) when (FromException(ex, cancellationToken) is { } failure)
        {
            return (null, null, failure);
        }

        using (response)
        {
            if (response.HasRequestError(out var requestError))
            {
                cancellationToken.ThrowIfCancellationRequested();
                return (null, null, FromException(requestError, cancellationToken) ?? new MarketplaceError.Transient(requestError.Message));
            }

            var body = response.IsSuccessStatusCode && response.Content is { } content
                ? new WireErrorBody(content.Error, content.Message, content.RequestId)
                : ReadErrorBody(response.HasResponseError(out var apiError) ? apiError.Content : null);
            if (response.IsSuccessStatusCode && response.Content is { } tokens && string.IsNullOrEmpty(tokens.Error))
            {
                return (tokens, null, null);
            }

            return string.IsNullOrEmpty(body?.Error)
                ? (null, null, ShopeeErrorMapper.FromStatus((int)(response.StatusCode ?? 0), response.ReasonPhrase, body?.RequestId))
                : (null, body, null);
        }
    }

    /// <summary>A failure on the way to an answer, or null for the caller's own cancellation and unknown exceptions.</summary>
    public static MarketplaceError? FromException(Exception error, CancellationToken cancellationToken) =>
        // Missing credentials or token source: our configuration, not Shopee's fault.
        MarketplaceTransportErrors.FromException(error, "Shopee", cancellationToken,
            e => e is ShopeeConfigurationException ? new MarketplaceError.Misconfigured(e.Message) : null);

    private static WireErrorBody? ReadErrorBody(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<WireErrorBody>(content, ShopeeRefitSettings.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
