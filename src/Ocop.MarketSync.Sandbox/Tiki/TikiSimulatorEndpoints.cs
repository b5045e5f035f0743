using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ocop.MarketSync.Sandbox.SellerCentre;

namespace Ocop.MarketSync.Sandbox.Tiki;

/// <summary>
/// The simulated Tiki over HTTP: the OAuth2 token endpoint (<c>/sc/oauth2/token</c>; point the adapter's
/// <c>AuthBaseUrl</c> here too), the seller API paths the adapter uses, the event queue, and the seller-centre
/// stand-in under <c>/sandbox/tiki/items</c>. Every API call needs a valid bearer token (401 otherwise), is
/// counted against the seller's rate (429 beyond it) and must send JSON bodies (415 for a form post, #209).
/// </summary>
public static class TikiSimulatorEndpoints
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEndpointRouteBuilder MapTikiSimulator(this IEndpointRouteBuilder app, TikiSimulator simulator)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(simulator);

        Delegate Api(string route, Func<HttpContext, JsonObject?, TikiSimulatorAnswer> handle, bool hasBody = false) =>
            (HttpContext http) => HandleAsync(http, simulator, route, hasBody, handle);

        Delegate token = (HttpContext http) => TokenAsync(http, simulator);
        app.MapPost("/sc/oauth2/token", token);
        app.MapGet("/integration/v2/sellers/me", Api("GET /integration/v2/sellers/me", (_, _) => TikiSimulatorAnswer.Ok(new
        {
            id = simulator.Options.SellerId,
            name = simulator.Options.SellerName,
            can_update_product = simulator.Options.CanUpdateProduct ? 1 : 0,
            registration_status = "completed",
        })));
        app.MapPost("/integration/v2.1/requests", Api("POST /integration/v2.1/requests", (_, b) => simulator.CreateRequest(b!), true));
        app.MapPost("/integration/v2/requests/updateProductInfo",
            Api("POST /integration/v2/requests/updateProductInfo", (_, b) => simulator.UpdateProductInfo(b!), true));
        app.MapGet("/integration/v2.1/tracking/{trackId}", Api("GET /integration/v2.1/tracking/{track_id}", (h, _) =>
            simulator.Track(h.Request.RouteValues["trackId"]?.ToString() ?? string.Empty)));
        app.MapPut("/integration/v2.1/products/updateSkus", Api("PUT /integration/v2.1/products/updateSkus", (_, b) => simulator.UpdateSkus(b!), true));
        app.MapGet("/integration/v2.1/products", Api("GET /integration/v2.1/products", (h, _) => simulator.List(
            h.Request.Query["page"], h.Request.Query["limit"], h.Request.Query["updated_from_date"], h.Request.Query["updated_to_date"])));
        app.MapGet("/integration/v2.1/products/{productId}", Api("GET /integration/v2.1/products/{product_id}", (h, _) =>
            simulator.GetProduct(h.Request.RouteValues["productId"]?.ToString() ?? string.Empty)));
        app.MapGet("/integration/v2/products/findBy", Api("GET /integration/v2/products/findBy", (h, _) => simulator.FindBy(h.Request.Query["original_sku"])));
        app.MapPost("/integration/v1/queues", Api("POST /integration/v1/queues", (_, b) => simulator.NewQueue(b!["name"]?.GetValue<string>()), true));
        app.MapPost("/integration/v1/queues/{code}/subscriptions", Api("POST /integration/v1/queues/{code}/subscriptions", (h, b) =>
            simulator.Subscribe(h.Request.RouteValues["code"]?.ToString() ?? string.Empty, b!["event_type"]?.GetValue<string>()), true));
        app.MapPost("/integration/v1/queues/{code}/events/pull", Api("POST /integration/v1/queues/{code}/events/pull", (h, b) =>
            simulator.Pull(h.Request.RouteValues["code"]?.ToString() ?? string.Empty, b!["ack_id"]?.GetValue<string>()), true));
        app.MapSellerCentre("tiki", new SellerCentreShop<TikiSimulatorProduct>(
            () => simulator.Products,
            p => p.ProductId.ToString(CultureInfo.InvariantCulture),
            p => p.OriginalSku,
            (id, price) => simulator.EditPrice(Id(id), price),
            (id, stock) => simulator.EditStock(Id(id), stock),
            id => simulator.Delete(Id(id))));
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http, TikiSimulator simulator, string route, bool hasBody, Func<HttpContext, JsonObject?, TikiSimulatorAnswer> handle)
    {
        simulator.RecordCall(route);
        if (!simulator.TryTake(out var wait))
        {
            simulator.RecordRefusal("rate");
            return Write(TikiSimulatorAnswer.Fail(429, "Too Many Requests") with { RetryAfter = wait });
        }

        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !simulator.IsValidAccessToken(header["Bearer ".Length..]))
        {
            simulator.RecordRefusal("token");
            return Write(TikiSimulatorAnswer.Fail(401, "Unauthorized: the access token is missing, invalid or expired"));
        }

        JsonObject? body = null;
        if (hasBody)
        {
            if (http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            {
                return Write(TikiSimulatorAnswer.Fail(415, $"Content type '{http.Request.ContentType}' not supported"));
            }

            try
            {
                body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
            }
            catch (JsonException ex)
            {
                return Write(TikiSimulatorAnswer.Invalid($"the body could not be read: {ex.Message}"));
            }

            if (body is null)
            {
                return Write(TikiSimulatorAnswer.Invalid("the body must be a JSON object"));
            }
        }

        try
        {
            return Write(handle(http, body));
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            // A field of the wrong JSON type (GetValue<long> on a string…).
            return Write(TikiSimulatorAnswer.Invalid($"the body could not be read: {ex.Message}"));
        }
    }

    private static async Task<IResult> TokenAsync(HttpContext http, TikiSimulator simulator)
    {
        simulator.RecordCall("POST /sc/oauth2/token");
        if (!http.Request.HasFormContentType)
        {
            return Write(new TikiSimulatorAnswer(400, new { error = "invalid_request", error_description = "the token request must be form-encoded" }));
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        (string, string)? basic = null;
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
            basic = pair.Length == 2 ? (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])) : null;
        }

        return Write(simulator.Token(form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal), basic));
    }

    private static IResult Write(TikiSimulatorAnswer answer) => new AnswerResult(answer);

    private static long Id(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new KeyNotFoundException(id);

    private sealed class AnswerResult(TikiSimulatorAnswer answer) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (answer.RetryAfter is { } wait)
            {
                httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            httpContext.Response.StatusCode = answer.Status;
            return httpContext.Response.WriteAsJsonAsync(answer.Body, answer.Body.GetType(), Json, httpContext.RequestAborted);
        }
    }
}
