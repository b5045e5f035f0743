using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Sync.Operations;

/// <summary>Section <c>Notifications:Webhook</c>. Off unless <see cref="Url"/> is set.</summary>
public sealed class WebhookNotifierOptions
{
    public const string SectionName = "Notifications:Webhook";

    public Uri? Url { get; set; }

    /// <summary>The HMAC secret (from the environment or a secret store, never config/). Required with a URL.</summary>
    public string? Secret { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Notifications:Webhook:Timeout must be between 1 second and 5 minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// POSTs each notice as JSON, signed so the receiver can trust it: <c>X-MarketSync-Timestamp</c> (Unix seconds) and
/// <c>X-MarketSync-Signature: sha256=</c> lowercase hex HMAC-SHA256 of <c>{timestamp}.{body}</c>; the timestamp
/// inside the signature lets the receiver refuse replays. <c>X-MarketSync-Key</c> is the notice's idempotency key.
/// </summary>
public sealed class WebhookNotifier(HttpClient http, IOptions<WebhookNotifierOptions> options, TimeProvider time) : INotifier
{
    public const string HttpClientName = "notifications-webhook";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "webhook";

    public static string Sign(string secret, string timestamp, byte[] body) => TimestampedHmac.Sign(secret, timestamp, body);

    public async Task NotifyAsync(Notice notice, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = JsonSerializer.SerializeToUtf8Bytes(notice, Json);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-MarketSync-Timestamp", timestamp);
        request.Headers.Add("X-MarketSync-Signature", Sign(settings.Secret!, timestamp, body));
        request.Headers.Add("X-MarketSync-Key", notice.Key);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new NotificationException($"the webhook answered HTTP {(int)response.StatusCode}");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new NotificationException($"the webhook could not be reached: {ex.Message}", ex);
        }
    }
}

internal sealed class WebhookNotifierOptionsValidator : IValidateOptions<WebhookNotifierOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookNotifierOptions options) =>
        options.Url is not null && string.IsNullOrEmpty(options.Secret)
            ? ValidateOptionsResult.Fail("Notifications:Webhook:Secret is required when Notifications:Webhook:Url is set (set it in the environment: Notifications__Webhook__Secret).")
            : options.Url is { IsAbsoluteUri: false }
                ? ValidateOptionsResult.Fail("Notifications:Webhook:Url must be an absolute URL.")
                : ValidateOptionsResult.Success;
}
