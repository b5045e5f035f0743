using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ocop.MarketSync.Sandbox.SellerCentre;

namespace Ocop.MarketSync.Sandbox.TikTokShop;

/// <summary>
/// The simulated TikTok Shop over HTTP: the Partner API product paths (version 202309), the authorization shop list,
/// and the token host's <c>/api/v2/token/get</c> and <c>/refresh</c> on the same address (in production they are
/// two hosts; point the adapter's <c>AuthBaseUrl</c> at this one too).
/// </summary>
public static class TikTokShopSimulatorEndpoints
{
    public static IEndpointRouteBuilder MapTikTokShopSimulator(this IEndpointRouteBuilder app, TikTokShopSimulator simulator)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(simulator);
        var gate = new TikTokShopSimulatorGate(simulator);

        // A Delegate returning Task<IResult>, so minimal APIs write the IResult.
        Delegate Api(string route, bool shopScoped, Func<HttpContext, byte[], TikTokShopSimulatorAnswer> handle) =>
            (HttpContext http) => gate.HandleAsync(http, route, shopScoped, body => Task.FromResult(handle(http, body)));

        const string Products = "/product/202309/products";
        app.MapGet("/authorization/202309/shops", Api("GET /authorization/202309/shops", false, (_, _) => TikTokShopSimulatorAnswer.Ok(new
        {
            shops = new[]
            {
                new { id = simulator.Options.ShopId, name = simulator.Options.ShopName, region = "VN", seller_type = "LOCAL", cipher = simulator.Options.ShopCipher, code = "VNSIM0001" },
            },
        })));
        Delegate upload = (HttpContext http) => gate.HandleAsync(http, "POST /product/202309/images/upload", true, _ => UploadAsync(http, simulator));
        app.MapPost("/product/202309/images/upload", upload);
        app.MapPost(Products, Api("POST " + Products, true, (_, body) => WithJson(body, simulator.Create)));
        app.MapPost(Products + "/search", Api("POST " + Products + "/search", true, (http, body) =>
            WithJson(body, json => simulator.Search(json, http.Request.Query["page_size"], http.Request.Query["page_token"]), allowEmpty: true)));
        app.MapPost(Products + "/activate", Api("POST " + Products + "/activate", true, (_, body) => WithJson(body, json => simulator.SetStatus(json, true))));
        app.MapPost(Products + "/deactivate", Api("POST " + Products + "/deactivate", true, (_, body) => WithJson(body, json => simulator.SetStatus(json, false))));
        app.MapGet(Products + "/{productId}", Api("GET " + Products + "/{product_id}", true, (http, _) => simulator.GetProduct(ProductId(http))));
        app.MapPost(Products + "/{productId}/partial_edit", Api("POST " + Products + "/{product_id}/partial_edit", true, (http, body) =>
            WithJson(body, json => simulator.PartialEdit(ProductId(http), json))));
        app.MapPost(Products + "/{productId}/prices/update", Api("POST " + Products + "/{product_id}/prices/update", true, (http, body) =>
            WithJson(body, json => simulator.UpdatePrice(ProductId(http), json))));
        app.MapPost(Products + "/{productId}/inventory/update", Api("POST " + Products + "/{product_id}/inventory/update", true, (http, body) =>
            WithJson(body, json => simulator.UpdateInventory(ProductId(http), json))));

        // The token host: unsigned GETs with the app secret in the query.
        app.MapGet("/api/v2/token/get", (HttpContext http) => Token(http, simulator, q =>
            simulator.ExchangeCode(q["app_key"], q["app_secret"], q["auth_code"], q["grant_type"])));
        app.MapGet("/api/v2/token/refresh", (HttpContext http) => Token(http, simulator, q =>
            simulator.Refresh(q["app_key"], q["app_secret"], q["refresh_token"], q["grant_type"])));
        app.MapSellerCentre("tiktokshop", new SellerCentreShop<TikTokShopSimulatorProduct>(
            () => simulator.Products, p => p.Id, p => p.SellerSku, simulator.EditPrice, simulator.EditStock, simulator.Delete));
        return app;
    }

    private static IResult Token(HttpContext http, TikTokShopSimulator simulator, Func<IQueryCollection, TikTokShopSimulatorAnswer> handle)
    {
        var requestId = simulator.NextRequestId();
        simulator.RecordCall("GET " + http.Request.Path);
        return TikTokShopSimulatorGate.Write(handle(http.Request.Query), requestId);
    }

    private static string ProductId(HttpContext http) => http.Request.RouteValues["productId"]?.ToString() ?? string.Empty;

    private static TikTokShopSimulatorAnswer WithJson(byte[] body, Func<JsonNode, TikTokShopSimulatorAnswer> handle, bool allowEmpty = false)
    {
        if (body.Length == 0 && allowEmpty)
        {
            return handle(new JsonObject());
        }

        try
        {
            return JsonNode.Parse(body) is JsonObject json ? handle(json) : TikTokShopSimulatorAnswer.Invalid("the body must be a JSON object");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // Malformed JSON, or a field of the wrong JSON type (GetValue<string> on a number…).
            return TikTokShopSimulatorAnswer.Invalid($"the body could not be read: {ex.Message}");
        }
    }

    private static async Task<TikTokShopSimulatorAnswer> UploadAsync(HttpContext http, TikTokShopSimulator simulator)
    {
        if (!http.Request.HasFormContentType)
        {
            return TikTokShopSimulatorAnswer.Fail(36009022, "Content-Type must be multipart/form-data");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var file = form.Files["data"];
        if (file is null || file.Length == 0)
        {
            return TikTokShopSimulatorAnswer.Invalid("data (the image file) is required");
        }

        return file.Length > 5 * 1024 * 1024 ? TikTokShopSimulatorAnswer.Fail(36009021, "file is too large (max 5 MB)")
            : form["use_case"].ToString() is not ("MAIN_IMAGE" or "ATTRIBUTE_IMAGE" or "DESCRIPTION_IMAGE" or "CERTIFICATION_IMAGE" or "SIZE_CHART_IMAGE")
                ? TikTokShopSimulatorAnswer.Invalid($"use_case '{form["use_case"]}' is invalid")
            : TikTokShopSimulatorAnswer.Ok(Uploaded(simulator.AddImage()));
    }

    private static object Uploaded(string uri) => new { uri, url = "https://p16-oec-va.ibyteimg.com/" + uri + "~tplv-o3syd03w52-origin-jpeg.jpeg", width = 800, height = 800 };
}
