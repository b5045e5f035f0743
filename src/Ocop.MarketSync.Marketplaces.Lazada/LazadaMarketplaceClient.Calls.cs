using System.Text.Json;
using Ocop.MarketSync.Marketplaces.Lazada.Api;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>One call and its answer, in the taxonomy: the envelope when one was read, and the failure if any.</summary>
internal sealed record LazadaAnswer<T>(LazadaResponse<T>? Envelope, MarketplaceError? Failure)
{
    public string? RequestId => Envelope?.RequestId ?? Failure?.RequestId;
}

internal sealed partial class LazadaMarketplaceClient
{
    private static readonly HashSet<string> UmbrellaCodes = new(["500", "501", "503"], StringComparer.Ordinal);

    private async Task<LazadaAnswer<T>> CallAsync<T>(
        Func<CancellationToken, Task<IApiResponse<LazadaResponse<T>>>> call, CancellationToken cancellationToken)
    {
        IApiResponse<LazadaResponse<T>> response;
        try
        {
            response = await call(cancellationToken);
        }
        catch (Exception ex) when (LazadaErrorMapper.FromException(ex, cancellationToken) is { } failure)
        {
            return new(null, failure);
        }

        using (response)
        {
            // Lazada answers errors with HTTP 200 as a rule, but a gateway 4xx may carry the envelope too.
            var errorBody = response.HasResponseError(out var apiError) ? apiError.Content : null;
            var envelope = response.Content ?? ReadEnvelope<T>(errorBody);
            if (envelope?.Code is { } code)
            {
                return new(envelope, code == LazadaErrorCodes.Success ? null : FailureOf(envelope));
            }

            var failure = LazadaErrorMapper.FromHttp(response, cancellationToken)
                ?? new MarketplaceError.Transient(
                    $"Lazada's answer could not be read (HTTP {(int)(response.StatusCode ?? 0)}): {Cut(errorBody)}");
            // An envelope without a code may still name the request: keep it for the support ticket.
            return new(envelope, failure with { RequestId = failure.RequestId ?? envelope?.RequestId });
        }
    }

    /// <summary>The envelope's error; an umbrella code (500/501/503) is decided by its first detail's code and carries every detail.</summary>
    private MarketplaceError FailureOf<T>(LazadaResponse<T> envelope)
    {
        var details = envelope.Detail ?? [];
        var code = UmbrellaCodes.Contains(envelope.Code!) && details.FirstOrDefault(d => d.Code is not null) is { } inner ? inner.Code : envelope.Code;
        var message = details.Count == 0 ? envelope.Message
            : $"{envelope.Message} [{string.Join("; ", details.Select(d => $"{d.SellerSku ?? d.Field}: {d.Message}"))}]";
        return LazadaErrorMapper.FromCode(code, envelope.Type, message, envelope.RequestId, _options.CampaignLockRetryAfter);
    }

    /// <summary>
    /// Per-SKU outcomes of a multi-SKU call. A failed call whose <c>detail</c> names SKUs fails those with their own
    /// error; the SKUs it does not name get a Transient error rather than success, because the docs do not say
    /// whether Lazada applied the rest (resending an absolute price or stock is safe).
    /// </summary>
    private static IEnumerable<ItemResult> PerSku<T>(
        IReadOnlyList<(string SellerSku, string RemoteId)> chunk, LazadaAnswer<T> answer, Func<WireDetail, MarketplaceError> detailError)
    {
        var named = (answer.Envelope?.Detail ?? []).Where(d => d.SellerSku is not null)
            .GroupBy(d => d.SellerSku!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (sellerSku, remoteId) in chunk)
        {
            var error = named.TryGetValue(sellerSku, out var detail) ? detailError(detail)
                : answer.Failure is null ? null
                : named.Count == 0 ? answer.Failure
                : new MarketplaceError.Transient($"Not confirmed: other SKUs of the same call failed ({answer.Failure.Message}).") { RequestId = answer.RequestId };
            yield return new ItemResult(sellerSku, error, remoteId) { RequestId = answer.RequestId };
        }
    }

    private LazadaResponse<T>? ReadEnvelope<T>(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<LazadaResponse<T>>(content, LazadaRefitSettings.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> Payload(string payload) => new(StringComparer.Ordinal) { ["payload"] = payload };

    private static string Cut(string? text) => text is null ? "no body" : text.Length <= 200 ? text : text[..200] + "…";
}
