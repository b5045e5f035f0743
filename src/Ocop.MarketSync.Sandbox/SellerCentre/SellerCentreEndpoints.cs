using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ocop.MarketSync.Sandbox.SellerCentre;

/// <summary>
/// What a seller does by hand in seller centre, over HTTP, under <c>/sandbox/{marketplace}/items</c>: list the shop's
/// items (<c>?sku=</c> for one seller SKU), change an item's price or stock, delete it. A demo, or a test that runs the
/// service as a separate process, cannot reach the simulator object, only its address. Each change goes through the
/// simulator's drift helpers, so it bumps the item's update time like a real edit and tells the service nothing:
/// reconciliation, or a marketplace webhook, has to find it.
/// </summary>
/// <remarks>No authentication: the simulators listen on 127.0.0.1 only and hold nothing but demo data.</remarks>
internal static class SellerCentreEndpoints
{
    public static IEndpointRouteBuilder MapSellerCentre<TItem>(this IEndpointRouteBuilder app, string marketplace, SellerCentreShop<TItem> shop)
        where TItem : class
    {
        var items = app.MapGroup($"/sandbox/{marketplace}/items");
        items.MapGet("", (string? sku) => Results.Json(shop.Items().Where(i => sku is null || shop.SellerSku(i) == sku).ToList()));
        items.MapGet("/{itemId}", (string itemId) => Find(shop, itemId) is { } item ? Results.Json(item) : NotFound(marketplace, itemId));
        items.MapPost("/{itemId}/price", (string itemId, string? value) =>
            Whole(value) is { } price and > 0
                ? Edit(shop, marketplace, itemId, () => shop.EditPrice(itemId, price))
                : Results.Problem($"value '{value}' must be the new price in whole đồng, above 0.", statusCode: StatusCodes.Status400BadRequest));
        items.MapPost("/{itemId}/stock", (string itemId, string? value) =>
            Whole(value) is { } stock and >= 0 and <= int.MaxValue
                ? Edit(shop, marketplace, itemId, () => shop.EditStock(itemId, (int)stock))
                : Results.Problem($"value '{value}' must be the new stock, a whole number from 0.", statusCode: StatusCodes.Status400BadRequest));
        items.MapDelete("/{itemId}", (string itemId) => Edit(shop, marketplace, itemId, () => shop.Delete(itemId)));
        return app;
    }

    private static IResult Edit<TItem>(SellerCentreShop<TItem> shop, string marketplace, string itemId, Action edit)
        where TItem : class
    {
        if (Find(shop, itemId) is null)
        {
            return NotFound(marketplace, itemId);
        }

        try
        {
            edit();
        }
        catch (KeyNotFoundException)
        {
            // Deleted in between, or a simulator that refuses edits of deleted items.
            return NotFound(marketplace, itemId);
        }

        return Find(shop, itemId) is { } changed ? Results.Json(changed) : Results.NoContent();
    }

    private static TItem? Find<TItem>(SellerCentreShop<TItem> shop, string itemId)
        where TItem : class =>
        shop.Items().FirstOrDefault(i => string.Equals(shop.ItemId(i), itemId, StringComparison.Ordinal));

    private static long? Whole(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static IResult NotFound(string marketplace, string itemId) =>
        Results.Problem($"The {marketplace} simulator has no item {itemId}.", statusCode: StatusCodes.Status404NotFound);
}

/// <summary>How <see cref="SellerCentreEndpoints"/> reaches one simulator's items and drift helpers.</summary>
/// <param name="ItemId">The id the marketplace gives the item (Shopee item_id, Lazada item_id, TikTok product id).</param>
internal sealed record SellerCentreShop<TItem>(
    Func<IEnumerable<TItem>> Items,
    Func<TItem, string> ItemId,
    Func<TItem, string> SellerSku,
    Action<string, long> EditPrice,
    Action<string, int> EditStock,
    Action<string> Delete);
