using System.Diagnostics;
using System.Net;

namespace Ocop.MarketSync.Sync.Marketplaces.Pacing;

/// <summary>
/// Sits inside a channel's resilience pipeline, so every attempt (a retried read too) waits for its slot in the shop's
/// pace and is what the marketplace counts. An HTTP 429 slows the pace at once, with its Retry-After; marketplaces
/// that throttle with HTTP 200 and a code in the body are reported by the engine from the adapter's mapped error.
/// </summary>
public sealed class PacingHandler(ChannelPace pace) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (await pace.Requests.AcquireAsync(1, cancellationToken))
        {
        }

        var sent = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            pace.Answer(Stopwatch.GetTimestamp() - sent);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var headers = response.Headers.RetryAfter;
            var retryAfter = headers?.Delta ?? (headers?.Date is { } at ? at - DateTimeOffset.UtcNow : null);
            pace.Requests.Throttled(retryAfter);
        }

        return response;
    }
}
