using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ocop.MarketSync.Sandbox.SellerCentre;

namespace Ocop.MarketSync.Sandbox.Lazada;

/// <summary>
/// The simulated lazop gateway under <c>/rest</c> (the product APIs and the token endpoints on one host). Every
/// call passes, in order: parameters read from the query and the form body, <c>app_key</c>, <c>sign_method</c>,
/// the millisecond timestamp (within 7200 s), the signature, the app's rate limit and, except for the token
/// endpoints, the access token. Answers are Lazada's envelopes with HTTP 200, errors included.
/// </summary>
public static class LazadaSimulatorEndpoints
{
    private static readonly HashSet<string> TokenApis = new(["/auth/token/create", "/auth/token/refresh"], StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapLazadaSimulator(this IEndpointRouteBuilder app, LazadaSimulator simulator)
    {
        app.MapMethods("/rest/{**api}", ["GET", "POST"], (HttpContext http, string api) => HandleAsync(http, "/" + api, simulator));
        app.MapSellerCentre("lazada", new SellerCentreShop<LazadaSimulatorItem>(
            () => simulator.Items, i => i.ItemId.ToString(CultureInfo.InvariantCulture), i => i.SellerSku,
            (id, price) => simulator.EditPrice(ItemId(id), price), (id, stock) => simulator.EditStock(ItemId(id), stock),
            id => simulator.Delete(ItemId(id))));
        return app;
    }

    /// <summary>An id the seller-centre endpoints found among the items, so it is a number.</summary>
    private static long ItemId(string id) => long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);

    private static async Task<IResult> HandleAsync(HttpContext http, string apiPath, LazadaSimulator simulator)
    {
        var requestId = simulator.NextRequestId(apiPath);
        try
        {
            var parameters = await ParametersAsync(http.Request);
            Authenticate(apiPath, parameters, simulator);
            if (TokenApis.Contains(apiPath))
            {
                var tokens = apiPath == "/auth/token/create"
                    ? simulator.CreateToken(parameters.GetValueOrDefault("code"))
                    : simulator.RefreshToken(parameters.GetValueOrDefault("refresh_token"));
                tokens["code"] = "0";
                tokens["request_id"] = requestId;
                return Json(tokens);
            }

            var data = Dispatch(http.Request.Method, apiPath, parameters, simulator);
            return Json(new JsonObject { ["code"] = "0", ["data"] = data, ["request_id"] = requestId });
        }
        catch (LazadaSimulatorError error)
        {
            var body = new JsonObject { ["type"] = error.Type, ["code"] = error.Code, ["message"] = error.Message, ["request_id"] = requestId };
            if (error.Detail is { Count: > 0 } detail)
            {
                body["detail"] = new JsonArray([.. detail.Select(d => (JsonNode)new JsonObject
                {
                    ["seller_sku"] = d.SellerSku, ["field"] = d.Field, ["message"] = d.Message, ["code"] = d.Code,
                })]);
            }

            return Json(body);
        }
    }

    private static void Authenticate(string apiPath, Dictionary<string, string> parameters, LazadaSimulator simulator)
    {
        var options = simulator.Options;
        string Required(string name) => parameters.TryGetValue(name, out var value) && value.Length > 0 ? value
            : throw new LazadaSimulatorError("MissingParameter", $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied");

        if (Required("app_key") != options.AppKey)
        {
            throw new LazadaSimulatorError("InvalidAppKey", "The specified app key is invalid");
        }

        if (Required("sign_method") != "sha256")
        {
            throw new LazadaSimulatorError("InvalidSignMethod", "sign_method must be sha256");
        }

        var stamp = long.TryParse(Required("timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms
            : throw new LazadaSimulatorError("InvalidParameter", "timestamp must be epoch milliseconds");
        var drift = simulator.Time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(stamp, 0, 253402300799999));
        if (drift.Duration() > options.TimestampTolerance)
        {
            throw new LazadaSimulatorError("InvalidTimestamp", "The timestamp is more than 7200 seconds away from the server time");
        }

        Required("sign");
        if (!LazadaSimulatorSignature.Matches(apiPath, parameters, options.AppSecret))
        {
            throw new LazadaSimulatorError("IncompleteSignature", "The request signature does not conform to lazop standards");
        }

        if (!simulator.TryTakeCall())
        {
            throw new LazadaSimulatorError("ApiCallLimit", "The request has exceeded the allowed call frequency of this app", "ISP");
        }

        if (!TokenApis.Contains(apiPath) && !simulator.IsValidAccessToken(parameters.GetValueOrDefault("access_token")))
        {
            throw new LazadaSimulatorError("IllegalAccessToken", "The specified access token is invalid or expired");
        }
    }

    private static JsonObject Dispatch(string method, string apiPath, Dictionary<string, string> parameters, LazadaSimulator simulator)
    {
        string Business(string name) => parameters.TryGetValue(name, out var value) ? value
            : throw new LazadaSimulatorError("MissingParameter", $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied");

        var post = method == HttpMethods.Post;
        return apiPath switch
        {
            "/image/migrate" when post => simulator.MigrateImage(Business("payload")),
            "/product/create" when post => simulator.Create(Business("payload")),
            "/product/update" when post => simulator.Update(Business("payload")),
            "/product/price_quantity/update" when post => simulator.UpdateSkus(Business("payload"), sellable: false),
            "/product/stock/sellable/update" when post => simulator.UpdateSkus(Business("payload"), sellable: true),
            "/product/deactivate" when post => simulator.Deactivate(Business("apiRequestBody")),
            "/products/get" => simulator.GetProducts(parameters),
            _ => throw new LazadaSimulatorError("InvalidApiPath", $"The specified API path {method} {apiPath} is invalid"),
        };
    }

    /// <summary>Query and form parameters together, as the gateway reads both; a name given twice is refused.</summary>
    private static async Task<Dictionary<string, string>> ParametersAsync(HttpRequest request)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string name, string? value)
        {
            if (!parameters.TryAdd(name, value ?? string.Empty))
            {
                throw new LazadaSimulatorError("InvalidParameter", $"Parameter {name} is given more than once");
            }
        }

        foreach (var (name, values) in request.Query)
        {
            Add(name, values.Count == 1 ? values[0] : throw new LazadaSimulatorError("InvalidParameter", $"Parameter {name} is given more than once"));
        }

        if (request.HasFormContentType)
        {
            foreach (var (name, values) in await request.ReadFormAsync(request.HttpContext.RequestAborted))
            {
                Add(name, values.Count == 1 ? values[0] : throw new LazadaSimulatorError("InvalidParameter", $"Parameter {name} is given more than once"));
            }
        }

        return parameters;
    }

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json; charset=utf-8");
}
