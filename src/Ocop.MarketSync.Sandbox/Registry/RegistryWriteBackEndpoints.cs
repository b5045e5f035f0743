using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ocop.MarketSync.Sandbox.Registry;

/// <summary>
/// The registry's write-back endpoint (docs/registry-api.yaml): <c>POST /api/v1/listings/write-back</c> with a batch
/// of listing changes, each with an idempotency key; and <c>GET /sandbox/write-backs</c> showing what arrived.
/// </summary>
public static class RegistryWriteBackEndpoints
{
    public static IEndpointRouteBuilder MapRegistryWriteBack(this IEndpointRouteBuilder app, RegistryWriteBackLog log, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        app.MapPost("/api/v1/listings/write-back", (WriteBackBatch? batch) =>
        {
            if (batch?.Items is not { Count: > 0 } items || items.Any(i => string.IsNullOrWhiteSpace(i?.Key) || string.IsNullOrWhiteSpace(i.RegistryId)))
            {
                return Results.Problem("the body must be {\"items\":[…]} with a key and registryId per item", statusCode: StatusCodes.Status400BadRequest);
            }

            var fault = log.TakeFault();
            if (fault == WriteBackFault.ServerError)
            {
                return Results.Text("sandbox: injected server error", statusCode: StatusCodes.Status500InternalServerError);
            }

            var now = time.GetUtcNow();
            var results = items.Select(i => new WriteBackItemResult(i.Key, log.Apply(new ReceivedWriteBack(
                i.Key, i.RegistryId, i.Channel, i.Marketplace, i.Url, i.State, i.Reason, i.At, now, i.Reasons)))).ToList();

            // Applied, but the answer is lost: the sender must send again, and the keys make that harmless.
            return fault == WriteBackFault.LostResponse
                ? Results.Text("sandbox: injected lost response", statusCode: StatusCodes.Status502BadGateway)
                : Results.Ok(new WriteBackBatchResult(results));
        });
        app.MapGet("/sandbox/write-backs", () => Results.Ok(new
        {
            log.Calls,
            log.Duplicates,
            Applied = log.Applied,
        }));
        return app;
    }

    public sealed record WriteBackBatch(IReadOnlyList<WriteBackItem>? Items);

    public sealed record WriteBackItem(
        string Key, string RegistryId, string Channel, string Marketplace, string? Url, string State, string? Reason, DateTimeOffset At,
        IReadOnlyList<WriteBackReason>? Reasons = null);

    public sealed record WriteBackReason(string Code, string Vi, string En);

    public sealed record WriteBackItemResult(string Key, string Status);

    public sealed record WriteBackBatchResult(IReadOnlyList<WriteBackItemResult> Results);
}
