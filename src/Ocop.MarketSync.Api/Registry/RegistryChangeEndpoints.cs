using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Api.Hardening;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Operations;

namespace Ocop.MarketSync.Api.Registry;

/// <summary>Section <c>Registry:ChangeNotifications</c>: the registry's signed "a product changed" call.</summary>
public sealed class RegistryChangeOptions
{
    public const string SectionName = "Registry:ChangeNotifications";

    /// <summary>Shared HMAC secret (environment or secret store, never config/). Unset: the endpoint answers 404.</summary>
    public string? Secret { get; set; }

    /// <summary>How far the signed timestamp may be from our clock; older calls are refused as replays. Default 5 minutes.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// <c>POST /api/registry/changes</c>: the registry calls it when a product changes; we pull at once (coalesced). The
/// call is authenticated by its signature, not by staff login: <c>X-Registry-Timestamp</c> (Unix seconds) and
/// <c>X-Registry-Signature: sha256=</c> lowercase hex HMAC-SHA256 of <c>{timestamp}.{raw body}</c>. A bad or missing
/// signature gets 401 and changes nothing. The body is not trusted or needed: the pull reads the registry itself.
/// </summary>
public static class RegistryChangeEndpoints
{
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapRegistryChangeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/registry/changes", ReceiveAsync).WithTags("Registry")
            .WithSummary("Registry → service: products changed. HMAC-signed; triggers an incremental pull now (coalesced).")
            .AllowAnonymous()
            .DisableAntiforgery();
        return app;
    }

    private static async Task<Results<Accepted<ChangeReceipt>, ProblemHttpResult>> ReceiveAsync(
        HttpContext http, IOptions<RegistryChangeOptions> options, RegistryChangeNotifications notifications, TimeProvider time,
        ReplayGuard replays, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.Secret))
        {
            return TypedResults.Problem("Change notifications are not enabled here (Registry:ChangeNotifications:Secret is not set).",
                statusCode: StatusCodes.Status404NotFound, title: "Not enabled");
        }

        var body = await RequestBody.ReadAtMostAsync(http.Request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem($"The body is larger than {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }

        if (Verify(http.Request.Headers, body, settings, time.GetUtcNow()) is { } refusal)
        {
            loggers.CreateLogger(typeof(RegistryChangeEndpoints)).LogWarning(
                "Registry change notification refused from {Remote}: {Reason}", http.Connection.RemoteIpAddress, refusal);
            return TypedResults.Problem(refusal, statusCode: StatusCodes.Status401Unauthorized, title: "Invalid signature");
        }

        // A signature is valid for ±MaxClockSkew around its timestamp: remembering it that long twice over catches
        // every replay the clock check lets through.
        var signature = Encoding.UTF8.GetBytes(http.Request.Headers["X-Registry-Signature"].ToString());
        if (!await replays.FirstTimeAsync("registry", signature, settings.MaxClockSkew * 2, cancellationToken))
        {
            loggers.CreateLogger(typeof(RegistryChangeEndpoints)).LogInformation(
                "Registry change notification from {Remote} is a replay of one already accepted; ignored", http.Connection.RemoteIpAddress);
            return TypedResults.Accepted((string?)null, new ChangeReceipt("duplicate"));
        }

        var queued = await notifications.NotifyAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, new ChangeReceipt(queued ? "queued" : "coalesced"));
    }

    /// <returns>Why the call is refused, or null when its signature is good.</returns>
    public static string? Verify(IHeaderDictionary headers, byte[] body, RegistryChangeOptions settings, DateTimeOffset now)
    {
        var timestamp = headers["X-Registry-Timestamp"].ToString();
        var signature = headers["X-Registry-Signature"].ToString();
        if (timestamp.Length == 0 || signature.Length == 0)
        {
            return "X-Registry-Timestamp and X-Registry-Signature are required.";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > settings.MaxClockSkew)
        {
            return "X-Registry-Timestamp is not a Unix time within the allowed clock skew.";
        }

        return TimestampedHmac.Matches(TimestampedHmac.Sign(settings.Secret!, timestamp, body), signature)
            ? null
            : "X-Registry-Signature does not match the body.";
    }
}

/// <param name="Pull">"queued" (this call queued a pull), "coalesced" (one was already queued) or "duplicate" (this exact signed call was accepted before; nothing done).</param>
public sealed record ChangeReceipt(string Pull);
