using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>
/// The sandbox marketplace's JSON API under <c>/api/v1/items</c> and <c>/api/v1/media</c>, plus read-only admin views under
/// <c>/sandbox/marketplace</c> for demos. Whole-call refusals carry <see cref="SandboxErrorResponse"/>; per-item
/// errors are in the results.
/// </summary>
public static class MarketplaceSandboxEndpoints
{
    public static IEndpointRouteBuilder MapMarketplaceSandbox(this IEndpointRouteBuilder app, MarketplaceSandbox sandbox)
    {
        var gate = new MarketplaceRequestGate(sandbox);
        var options = sandbox.Options;

        // A Delegate, not a RequestDelegate: the IResult each handler returns must be written to the response.
        Delegate Handle(MarketplaceSandboxEndpoint endpoint, Func<HttpContext, string, Task<IResult>> handle) =>
            (HttpContext http) => gate.HandleAsync(http, endpoint, requestId => handle(http, requestId));

        var items = app.MapGroup("/api/v1/items");
        items.MapPost("/batch-create", Handle(MarketplaceSandboxEndpoint.BatchCreate,
            (http, id) => WriteAsync<SandboxItemDraft>(http, id, options.MaxCreateBatch, sandbox.Create)));
        items.MapPost("/batch-update-content", Handle(MarketplaceSandboxEndpoint.BatchUpdateContent,
            (http, id) => WriteAsync<SandboxContentChange>(http, id, options.MaxUpdateBatch, sandbox.UpdateContent)));
        items.MapPost("/batch-update-price", Handle(MarketplaceSandboxEndpoint.BatchUpdatePrice,
            (http, id) => WriteAsync<SandboxPriceChange>(http, id, options.MaxUpdateBatch, sandbox.UpdatePrice)));
        items.MapPost("/batch-update-stock", Handle(MarketplaceSandboxEndpoint.BatchUpdateStock,
            (http, id) => WriteAsync<SandboxStockChange>(http, id, options.MaxUpdateBatch, sandbox.UpdateStock)));
        items.MapPost("/batch-set-status", Handle(MarketplaceSandboxEndpoint.BatchSetStatus,
            (http, id) => WriteAsync<SandboxStatusChange>(http, id, options.MaxUpdateBatch, sandbox.SetStatus)));
        items.MapGet("/by-sku", Handle(MarketplaceSandboxEndpoint.FindBySku,
            (http, id) => Task.FromResult(FindBySku(http, id, sandbox))));
        items.MapGet("", Handle(MarketplaceSandboxEndpoint.PageItems,
            (http, id) => Task.FromResult(Page(http, id, sandbox))));
        // Through the same gate as the items: an upload is a call like any other, for the bucket, faults and counters.
        app.MapGroup("/api/v1/media").MapPost("/upload-image", Handle(MarketplaceSandboxEndpoint.UploadImage,
            (http, id) => UploadImageAsync(http, id, sandbox)));

        var admin = app.MapGroup("/sandbox/marketplace");
        admin.MapGet("/items", () => Results.Json(sandbox.Items));
        admin.MapGet("/stats", () => Results.Json(new
        {
            items = sandbox.Items.Count,
            sandbox.ItemsCreated,
            sandbox.DuplicateSkuCount,
            sandbox.ImagesUploaded,
            calls = Enum.GetValues<MarketplaceSandboxEndpoint>().ToDictionary(e => e.ToString(), sandbox.Calls),
        }));
        return app;
    }

    private static async Task<IResult> WriteAsync<T>(
        HttpContext http, string requestId, int limit, Func<IReadOnlyList<T>, IReadOnlyList<SandboxItemOutcome>> apply)
    {
        SandboxBatchRequest<T>? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<SandboxBatchRequest<T>>(http.RequestAborted);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return Invalid($"the body is not a JSON batch: {ex.Message}", requestId);
        }

        if (body?.Items is not { } batch || batch.Any(item => item is null))
        {
            return Invalid("the body must be {\"items\":[…]} with an object per item", requestId);
        }

        return batch.Count > limit
            ? TooLarge(batch.Count, limit, "items", requestId)
            : Results.Json(new SandboxBatchResponse(apply(batch)));
    }

    private static async Task<IResult> UploadImageAsync(HttpContext http, string requestId, MarketplaceSandbox sandbox)
    {
        SandboxImageUploadRequest? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<SandboxImageUploadRequest>(http.RequestAborted);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return Invalid($"the body is not {{\"url\":\"…\"}}: {ex.Message}", requestId);
        }

        return sandbox.UploadImage(body?.Url) is { } image
            ? Results.Json(image)
            : Invalid($"url must be the absolute http(s) URL of the picture (got '{body?.Url}')", requestId);
    }

    private static IResult FindBySku(HttpContext http, string requestId, MarketplaceSandbox sandbox)
    {
        var skus = http.Request.Query["sku"].Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList();
        if (skus.Count == 0)
        {
            return Invalid("at least one sku is required (?sku=A&sku=B)", requestId);
        }

        return skus.Count > sandbox.Options.MaxLookupSkus
            ? TooLarge(skus.Count, sandbox.Options.MaxLookupSkus, "SKUs", requestId)
            : Results.Json(new SandboxItemsResponse(sandbox.FindBySkus(skus)));
    }

    private static IResult Page(HttpContext http, string requestId, MarketplaceSandbox sandbox)
    {
        var query = http.Request.Query;
        var max = sandbox.Options.MaxPageSize;
        var pageSize = max;
        if (query.TryGetValue("pageSize", out var sizeText)
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > max))
        {
            return Invalid(string.Create(CultureInfo.InvariantCulture, $"pageSize must be a whole number from 1 to {max}"), requestId);
        }

        DateTimeOffset? updatedAfter = null;
        if (query.TryGetValue("updatedAfter", out var afterText) && !string.IsNullOrEmpty(afterText))
        {
            if (!DateTimeOffset.TryParse(afterText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var after))
            {
                return Invalid($"updatedAfter '{afterText}' is not an ISO 8601 date and time", requestId);
            }

            updatedAfter = after;
        }

        try
        {
            return Results.Json(sandbox.Page(query["skuPrefix"], updatedAfter, query["pageToken"], pageSize));
        }
        catch (FormatException ex)
        {
            return Invalid(ex.Message, requestId);
        }
    }

    private static IResult Invalid(string message, string requestId) =>
        MarketplaceRequestGate.Error(StatusCodes.Status400BadRequest, SandboxErrorCodes.InvalidRequest, message, requestId);

    private static IResult TooLarge(int count, int limit, string what, string requestId) =>
        MarketplaceRequestGate.Error(StatusCodes.Status400BadRequest, SandboxErrorCodes.BatchTooLarge,
            string.Create(CultureInfo.InvariantCulture, $"{count} {what} in one call, more than the limit of {limit}"), requestId);
}
