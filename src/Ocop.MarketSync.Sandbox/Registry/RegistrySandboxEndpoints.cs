using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ocop.MarketSync.Sandbox.Registry;

/// <summary>The registry contract (docs/registry-api.yaml) plus admin endpoints to change data and inject faults.</summary>
public static class RegistrySandboxEndpoints
{
    public static IEndpointRouteBuilder MapRegistrySandbox(this IEndpointRouteBuilder app, RegistrySandbox sandbox)
    {
        app.MapGet("/api/v1/products/changes", async (string? cursor, int? limit, HttpContext http) =>
        {
            var size = Math.Clamp(limit ?? 200, 1, 1000);
            try
            {
                RegistrySandbox.ParseCursor(cursor);
            }
            catch (FormatException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
            }

            switch (sandbox.Faults.Take(cursor))
            {
                case { Fault: RegistryFault.ServerError }:
                    return Results.Text("sandbox: injected server error", statusCode: StatusCodes.Status500InternalServerError);
                case { Fault: RegistryFault.MalformedJson }:
                    var full = sandbox.GetChangesJson(cursor, size);
                    return Results.Text(full[..(full.Length / 2)], "application/json");
                case { Fault: RegistryFault.Timeout } rule:
                    await Task.Delay(rule.Delay ?? TimeSpan.FromSeconds(30), http.RequestAborted);
                    break;
                case { Fault: RegistryFault.WrongTypes }:
                    return Results.Text(WithWrongTypes(sandbox.GetChangesJson(cursor, size)), "application/json");
            }

            return Results.Text(sandbox.GetChangesJson(cursor, size), "application/json");
        });

        app.MapRegistryWriteBack(sandbox.WriteBacks);
        var admin = app.MapGroup("/sandbox");
        admin.MapGet("/products", () => Results.Ok(sandbox.Ids()));
        admin.MapGet("/products/{registryId}", (string registryId) =>
            sandbox.Get(registryId) is { } product ? Results.Text(product.ToJsonString(), "application/json") : Results.NotFound());
        admin.MapPut("/products/{registryId}", (string registryId, JsonObject product) =>
        {
            product["registryId"] = registryId;
            sandbox.Upsert(product);
            return Results.NoContent();
        });
        admin.MapDelete("/products/{registryId}", (string registryId) =>
            sandbox.Remove(registryId) ? Results.NoContent() : Results.NotFound());
        admin.MapPost("/faults", (RegistryFaultRule rule) =>
        {
            sandbox.Faults.Add(rule);
            return Results.NoContent();
        });
        admin.MapDelete("/faults", () =>
        {
            sandbox.Faults.Clear();
            return Results.NoContent();
        });
        return app;
    }

    /// <summary>Makes the first record's stars a string and its price a boolean: a record, not the page, is bad.</summary>
    private static string WithWrongTypes(string json)
    {
        var page = JsonNode.Parse(json)!.AsObject();
        if (page["items"] is JsonArray { Count: > 0 } items && items[0] is JsonObject first)
        {
            first["stars"] = "bốn";
            first["priceVnd"] = true;
        }

        return page.ToJsonString();
    }
}
