using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ocop.MarketSync.Sandbox.SellerCentre;

namespace Ocop.MarketSync.Sandbox.Sendo;

/// <summary>
/// The simulated Sendo Open API over HTTP (MARKETPLACES.md §6): <c>POST /login</c> and the partner product paths
/// behind <c>Authorization: bearer {token}</c>, every answer in Sendo's envelope, plus the seller-centre stand-in.
/// </summary>
public static class SendoSimulatorEndpoints
{
    public static IEndpointRouteBuilder MapSendoSimulator(this IEndpointRouteBuilder app, SendoSimulator simulator)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(simulator);
        app.MapPost("/login", (Delegate)(async (HttpContext http) =>
        {
            simulator.Record("POST /login");
            var body = await ReadAsync(http);
            var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return Write(body is JsonObject o ? simulator.Login(Text(o, "shop_key"), Text(o, "secret_key"), ip) : BadJson());
        }));

        // A Delegate returning Task<IResult>, so minimal APIs write the IResult.
        Delegate Call(string call, Func<HttpContext, JsonNode?, SendoSimulatorAnswer> handle) =>
            (HttpContext http) => Api(http, simulator, call, body => handle(http, body));
        const string Product = "/api/partner/product";
        app.MapGet(Product, Call("GET " + Product, (http, _) => simulator.Get(http.Request.Query["id"], http.Request.Query["sku"])));
        app.MapPost(Product, Call("POST " + Product, (_, body) => body is JsonObject o ? simulator.Save(o) : BadJson()));
        app.MapPost(Product + "/list", Call("POST " + Product + "/list", (_, body) => body is JsonArray a ? simulator.SaveMany(a) : BadJson()));
        app.MapPost(Product + "/search", Call("POST " + Product + "/search", (_, body) => body is JsonObject o ? simulator.Search(o) : BadJson()));
        app.MapSellerCentre("sendo", new SellerCentreShop<SendoSimulatorProduct>(
            () => simulator.Products, p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Sku,
            (id, price) => simulator.EditPrice(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), price),
            (id, stock) => simulator.EditStock(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), stock),
            id => simulator.Delete(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture))));
        return app;
    }

    private static async Task<IResult> Api(HttpContext http, SendoSimulator simulator, string call, Func<JsonNode?, SendoSimulatorAnswer> handle)
    {
        simulator.Record(call);
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        if (!simulator.Authorizes(token))
        {
            return Write(SendoSimulatorAnswer.Error(401, "UNAUTHORIZED", "Token không hợp lệ hoặc đã hết hạn"));
        }

        var body = HttpMethods.IsGet(http.Request.Method) ? null : await ReadAsync(http);
        return Write(handle(body));
    }

    private static async Task<JsonNode?> ReadAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SendoSimulatorAnswer BadJson() => SendoSimulatorAnswer.Error(400, "INVALID_JSON", "Dữ liệu gửi lên không hợp lệ");

    private static IResult Write(SendoSimulatorAnswer answer) =>
        Results.Text(answer.Envelope().ToJsonString(), "application/json", System.Text.Encoding.UTF8, answer.HttpStatus);

    private static string? Text(JsonObject json, string name) => json[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
