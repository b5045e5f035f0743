using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ocop.MarketSync.Sandbox.Sendo;

public sealed partial class SendoSimulator
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary><c>POST /api/partner/product</c>: <c>id: 0</c> creates (pending review), <c>id &gt; 0</c> updates the whole product.</summary>
    public SendoSimulatorAnswer Save(JsonObject body)
    {
        lock (_gate)
        {
            var (product, error) = SaveLocked(body);
            return error ?? SendoSimulatorAnswer.Ok(new JsonObject { ["id"] = product!.Id });
        }
    }

    /// <summary><c>POST /api/partner/product/list</c>: each product saved on its own; one answer per product, with its SKU.</summary>
    public SendoSimulatorAnswer SaveMany(JsonArray body)
    {
        var answers = new JsonArray();
        lock (_gate)
        {
            foreach (var node in body)
            {
                var sku = node is JsonObject o && o["sku"] is JsonValue s && s.TryGetValue<string>(out var text) ? text : null;
                var (product, error) = node is JsonObject item ? SaveLocked(item)
                    : (null, SendoSimulatorAnswer.Error(400, "INVALID", "Sản phẩm phải là một đối tượng JSON"));
                answers.Add(error is null
                    ? new JsonObject { ["id"] = product!.Id, ["sku"] = sku, ["success"] = true }
                    : new JsonObject { ["id"] = 0, ["sku"] = sku, ["success"] = false, ["error"] = error.ErrorMessage, ["status_code"] = error.HttpStatus });
            }
        }

        return SendoSimulatorAnswer.Ok(answers);
    }

    /// <summary><c>GET /api/partner/product?id=</c> or <c>?sku=</c>; 404 when there is none (deleted ones are still read by id).</summary>
    public SendoSimulatorAnswer Get(string? id, string? sku)
    {
        lock (_gate)
        {
            SendoSimulatorProduct? found = null;
            if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var productId) && _products.ContainsKey(productId))
            {
                found = Current(productId);
            }
            else if (sku is not null)
            {
                found = _products.Keys.Select(Current).Where(p => p.Sku == sku).OrderBy(p => p.Deleted).FirstOrDefault();
            }

            return found is null ? SendoSimulatorAnswer.Error(404, "NOT_FOUND", "Không tìm thấy sản phẩm") : SendoSimulatorAnswer.Ok(found.ToJson());
        }
    }

    /// <summary>
    /// <c>POST /api/partner/product/search</c>: <c>page_size</c> 1–50 (default 10), <c>date_from</c>/<c>date_to</c>
    /// (yyyy-MM-dd, Vietnam days of the last update, both included), <c>status</c>, <c>product_name</c>, cursor <c>token</c>.
    /// </summary>
    public SendoSimulatorAnswer Search(JsonObject body)
    {
        var size = (int)(SendoSimulatorProduct.Number(body, "page_size") ?? 10);
        if (size < 1 || size > Options.MaxPageSize)
        {
            return SendoSimulatorAnswer.Error(400, "INVALID_PAGE_SIZE", $"page_size phải từ 1 đến {Options.MaxPageSize}");
        }

        DateOnly? Day(string name) => body[name] is JsonValue v && v.TryGetValue<string>(out var text)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        var from = Day("date_from");
        var to = Day("date_to");
        var status = SendoSimulatorProduct.Number(body, "status");
        var name = body["product_name"] is JsonValue n && n.TryGetValue<string>(out var nameText) && nameText.Length > 0 ? nameText : null;
        var offset = 0;
        if (body["token"] is JsonValue t && t.TryGetValue<string>(out var token) && token.Length > 0 && !TryReadToken(token, out offset))
        {
            return SendoSimulatorAnswer.Error(400, "INVALID_TOKEN", "token không hợp lệ");
        }

        lock (_gate)
        {
            var matching = _products.Keys.Order().Select(Current)
                .Where(p => from is null || DateOnly.FromDateTime(p.UpdatedAt.ToOffset(Vietnam).DateTime) >= from)
                .Where(p => to is null || DateOnly.FromDateTime(p.UpdatedAt.ToOffset(Vietnam).DateTime) <= to)
                .Where(p => status is null || p.Status == status)
                .Where(p => name is null || p.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var page = matching.Skip(offset).Take(size).ToList();
            var next = offset + page.Count < matching.Count ? Token(offset + page.Count) : null;
            return SendoSimulatorAnswer.Ok(new JsonObject
            {
                ["data"] = new JsonArray([.. page.Select(p => (JsonNode)p.ToJson())]),
                ["total_records"] = matching.Count,
                ["next_token"] = next,
                ["previous_token"] = offset > 0 ? Token(Math.Max(0, offset - size)) : null,
            });
        }
    }

    private (SendoSimulatorProduct? Product, SendoSimulatorAnswer? Error) SaveLocked(JsonObject body)
    {
        if (Validate(body) is { } invalid)
        {
            return (null, SendoSimulatorAnswer.Error(400, "VALIDATION", invalid));
        }

        var now = _time.GetUtcNow();
        var id = (long)(SendoSimulatorProduct.Number(body, "id") ?? 0);
        var sku = body["sku"]!.GetValue<string>();
        var stored = body.DeepClone().AsObject();
        foreach (var owned in new[] { "id", "sku", "status", "updated_at_timestamp", "created_at_timestamp" })
        {
            stored.Remove(owned);
        }

        if (id == 0)
        {
            if (_products.Values.Any(p => p.Sku == sku && !p.Deleted))
            {
                return (null, SendoSimulatorAnswer.Error(400, "DUPLICATE_SKU", $"SKU {sku} đã tồn tại trong shop"));
            }

            var created = new SendoSimulatorProduct(++_nextId, sku, stored, Options.ReviewDelay > TimeSpan.Zero ? 1 : 2, now, now);
            _products[created.Id] = created;
            Notify("PRODUCT.CREATE", created);
            return (created, null);
        }

        if (!_products.ContainsKey(id))
        {
            return (null, SendoSimulatorAnswer.Error(404, "NOT_FOUND", $"Không tìm thấy sản phẩm {id}"));
        }

        var current = Current(id);
        if (current.Status is 1 or 4 or 5 or 6)
        {
            return (null, SendoSimulatorAnswer.Error(400, "STATUS_NOT_EDITABLE",
                string.Create(CultureInfo.InvariantCulture, $"Sản phẩm {id} ở trạng thái {current.Status}, không thể cập nhật")));
        }

        var updated = _products[id] = current with { Body = stored, UpdatedAt = now };
        Notify("PRODUCT.UPDATE", updated);
        return (updated, null);
    }

    /// <summary>Sendo's rules on a product (§6.2, §6.4), with its messages in Vietnamese.</summary>
    private static string? Validate(JsonObject body)
    {
        var sku = body["sku"] is JsonValue s && s.TryGetValue<string>(out var text) ? text : null;
        var price = SendoSimulatorProduct.Number(body, "price");
        var stock = SendoSimulatorProduct.Number(body, "stock_quantity");
        var available = body["stock_availability"] is JsonValue a && a.GetValueKind() == JsonValueKind.True;
        var description = body["description"] is JsonValue d && d.TryGetValue<string>(out var html) ? html : string.Empty;
        var pictures = (body["pictures"] as JsonArray)?.Count ?? 0;
        return true switch
        {
            _ when sku is null || sku.Length is < 3 or > 45 => "SKU phải có từ 3 đến 45 ký tự",
            _ when body["name"] is not JsonValue => "Tên sản phẩm là bắt buộc",
            _ when price is null or < 8_000 or > 9_999_999_999 => "Giá sản phẩm phải từ 8.000đ và tối đa 10 chữ số",
            _ when price != decimal.Truncate(price.Value) => "Giá sản phẩm phải là số nguyên",
            _ when stock is null or < 0 or > 99_999 => "Số lượng tồn kho phải từ 0 đến 99.999",
            _ when stock <= 0 && available => "stock_availability phải là false khi số lượng tồn kho bằng 0",
            _ when description.Length is < 100 or > 100_000 => "Mô tả sản phẩm phải từ 100 đến 100.000 ký tự",
            _ when ImgTag().Count(description) > 20 => "Mô tả sản phẩm có tối đa 20 ảnh",
            _ when pictures > 20 => "Sản phẩm có tối đa 20 ảnh",
            _ => null,
        };
    }

    private static string Token(int offset) => Convert.ToBase64String(Encoding.ASCII.GetBytes("o:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static bool TryReadToken(string token, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(token));
            return text.StartsWith("o:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [GeneratedRegex("<img[\\s>/]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ImgTag();
}
