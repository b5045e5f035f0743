using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Ocop.MarketSync.Api.Hardening;
using Ocop.MarketSync.Sync.Listings.Jobs;
using Ocop.MarketSync.Sync.Listings.Reconciliation;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Ocop.MarketSync.Api.Marketplaces;

/// <summary>
/// <c>POST /api/marketplaces/{marketplace}/webhook</c>: inbound push messages (Shopee push, Lazada LPM, TikTok
/// webhooks). The marketplace's reader checks the signature over the raw body; a valid message is queued and
/// acknowledged at once (marketplaces give seconds before they retry or disable the callback), an invalid one gets
/// 401 and changes nothing.
/// </summary>
public static class MarketplaceWebhookEndpoints
{
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// How long an accepted message is remembered. Shopee's pushes carry no timestamp the signature covers, so the
    /// signature alone never expires; a week is far beyond any marketplace's redelivery, and every hint is read back
    /// from the marketplace before anything changes.
    /// </summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromDays(7);

    public static IEndpointRouteBuilder MapMarketplaceWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/marketplaces/{marketplace}/webhook", ReceiveAsync).WithTags("Marketplaces")
            .WithSummary("Marketplace → service push messages; verified by the marketplace's signature, queued, acknowledged at once.")
            .AllowAnonymous()
            .DisableAntiforgery();
        return app;
    }

    private static async Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveAsync(
        HttpContext http, string marketplace, IEnumerable<IMarketplaceWebhookReader> readers, IBackgroundJobClient jobs,
        ReplayGuard replays, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var reader = readers.FirstOrDefault(r => string.Equals(r.Marketplace, marketplace, StringComparison.OrdinalIgnoreCase));
        if (reader is null)
        {
            return TypedResults.Problem($"No marketplace '{marketplace}' takes webhooks here.", statusCode: StatusCodes.Status404NotFound, title: "Unknown marketplace");
        }

        var body = await RequestBody.ReadAtMostAsync(http.Request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem($"The body is larger than {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }

        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var verdict = reader.Read(new WebhookRequest(new Uri(http.Request.GetEncodedUrl()), headers, body));
        var logger = loggers.CreateLogger(typeof(MarketplaceWebhookEndpoints));
        if (!verdict.Valid)
        {
            logger.LogWarning("Webhook from {Marketplace} refused: {Reason}", marketplace, verdict.RefusedBecause);
            return TypedResults.Problem(verdict.RefusedBecause ?? "invalid signature", statusCode: StatusCodes.Status401Unauthorized, title: "Invalid signature");
        }

        // Byte for byte the same message to the same URL (a marketplace redelivering, or someone replaying a capture).
        var material = System.Text.Encoding.UTF8.GetBytes(http.Request.GetEncodedPathAndQuery() + "\n").Concat(body).ToArray();
        if (!await replays.FirstTimeAsync("webhook:" + reader.Marketplace, material, ReplayWindow, cancellationToken))
        {
            logger.LogInformation("Webhook from {Marketplace} is a replay of a message already accepted; ignored", marketplace);
            return TypedResults.Ok(new WebhookReceipt(0));
        }

        foreach (var hint in verdict.Hints)
        {
            jobs.Enqueue<MarketplaceHintJob>(PushQueues.For(reader.Marketplace),
                job => job.RunAsync(hint.ChannelId, hint.Kind, hint.RemoteId, hint.Detail, CancellationToken.None));
        }

        logger.LogInformation("Webhook from {Marketplace}: {Count} hint(s) queued", marketplace, verdict.Hints.Count);
        return TypedResults.Ok(new WebhookReceipt(verdict.Hints.Count));
    }
}

public sealed record WebhookReceipt(int Queued);
