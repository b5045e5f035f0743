using System.Globalization;
using System.Text.Json.Nodes;
using static Ocop.MarketSync.Sandbox.TikTokShop.TikTokShopSimulatorAnswer;

namespace Ocop.MarketSync.Sandbox.TikTokShop;

/// <summary>Get product and search, in the shapes TikTok answers them (search: tax_exclusive_price; get: amount).</summary>
public sealed partial class TikTokShopSimulator
{
    internal TikTokShopSimulatorAnswer GetProduct(string productId)
    {
        var product = Get(productId);
        return product is null || product.Status == "DELETED"
            ? Fail(TikTokShopSimulatorCodes.ProductNotFound, $"product {productId} does not exist", 404)
            : Ok(new
            {
                id = product.Id,
                title = product.Title,
                description = product.Description,
                status = product.Status,
                category_id = product.CategoryId,
                main_images = product.ImageUris.Select(uri => new { uri }),
                skus = new[]
                {
                    new
                    {
                        id = product.SkuId,
                        seller_sku = product.SellerSku,
                        price = new { amount = Amount(product.PriceVnd), currency = "VND", sale_price = Amount(product.PriceVnd) },
                        inventory = new[] { new { warehouse_id = Options.WarehouseId, quantity = product.Stock } },
                    },
                },
                create_time = product.CreatedAt.ToUnixTimeSeconds(),
                update_time = product.UpdatedAt.ToUnixTimeSeconds(),
            });
    }

    /// <summary>Products in creation order after the page token, filtered by status, seller SKUs and update time (seconds, inclusive).</summary>
    internal TikTokShopSimulatorAnswer Search(JsonNode? body, string? pageSizeText, string? pageToken)
    {
        if (!int.TryParse(pageSizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var pageSize) || pageSize < 1 || pageSize > Options.MaxPageSize)
        {
            return Invalid(string.Create(CultureInfo.InvariantCulture, $"page_size must be 1–{Options.MaxPageSize} (got '{pageSizeText}')"));
        }

        long after = 0;
        if (!string.IsNullOrEmpty(pageToken)
            && (!pageToken.StartsWith("cursor-", StringComparison.Ordinal)
                || !long.TryParse(pageToken.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            return Invalid($"page_token '{pageToken}' is invalid");
        }

        var status = body?["status"]?.GetValue<string>() ?? "ALL";
        var skus = body?["seller_skus"] is JsonArray list ? list.Select(s => s?.GetValue<string>()).ToHashSet(StringComparer.Ordinal) : null;
        var updatedFrom = body?["update_time_ge"]?.GetValue<long>();
        var updatedTo = body?["update_time_le"]?.GetValue<long>();
        List<TikTokShopSimulatorProduct> matching;
        lock (_gate)
        {
            matching = [.. _products.Values.Where(p =>
                (status == "ALL" || p.Status == status)
                && (skus is null || skus.Contains(p.SellerSku))
                && (updatedFrom is null || p.UpdatedAt.ToUnixTimeSeconds() >= updatedFrom)
                && (updatedTo is null || p.UpdatedAt.ToUnixTimeSeconds() <= updatedTo))];
        }

        var page = matching.Where(p => p.Sequence > after).Take(pageSize + 1).ToList();
        var next = page.Count > pageSize ? "cursor-" + page[pageSize - 1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
        return Ok(new
        {
            products = page.Take(pageSize).Select(p => new
            {
                id = p.Id,
                title = p.Title,
                status = p.Status,
                skus = new[]
                {
                    new
                    {
                        id = p.SkuId,
                        seller_sku = p.SellerSku,
                        price = new { currency = "VND", tax_exclusive_price = Amount(p.PriceVnd), sale_price = Amount(p.PriceVnd) },
                        inventory = new[] { new { warehouse_id = Options.WarehouseId, quantity = p.Stock } },
                    },
                },
                sales_regions = new[] { "VN" },
                create_time = p.CreatedAt.ToUnixTimeSeconds(),
                update_time = p.UpdatedAt.ToUnixTimeSeconds(),
            }),
            next_page_token = next ?? string.Empty,
            total_count = matching.Count,
        });
    }

    private static string Amount(long vnd) => vnd.ToString(CultureInfo.InvariantCulture);
}
