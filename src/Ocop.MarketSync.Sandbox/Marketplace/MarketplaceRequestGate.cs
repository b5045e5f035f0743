using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>
/// What every API request passes before it is handled, in the order a real marketplace gateway applies it:
/// request id, authentication, the rate limit, then the injected faults (latency, 429, 503, timeout) and, after
/// the handler applied the request, the lost response.
/// </summary>
internal sealed class MarketplaceRequestGate(MarketplaceSandbox sandbox)
{
    public const string RequestIdHeader = "X-Request-Id";

    public async Task<IResult> HandleAsync(
        HttpContext http, MarketplaceSandboxEndpoint endpoint, Func<string, Task<IResult>> handle)
    {
        sandbox.RecordCall(endpoint);
        sandbox.NoteArrival();
        using var inFlight = sandbox.EnterRequest();
        var requestId = sandbox.NextRequestId();
        http.Response.Headers[RequestIdHeader] = requestId;
        if (sandbox.Options.AccessToken is { } token
            && !string.Equals(http.Request.Headers.Authorization, "Bearer " + token, StringComparison.Ordinal))
        {
            return Error(StatusCodes.Status401Unauthorized, SandboxErrorCodes.Unauthorized,
                "the access token is missing, expired or revoked", requestId);
        }

        if (!sandbox.RateLimit.TryTake(out var wait))
        {
            sandbox.NoteRefusedForRate();
            return RateLimited(http, wait, requestId,
                string.Create(CultureInfo.InvariantCulture, $"more than {sandbox.Options.RequestsPerSecond} requests per second"));
        }

        var decision = sandbox.Faults.Decide(endpoint);
        // Real time even when the sandbox runs on a fake clock: these delays are for the client's timeouts.
        var stopping = http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var abandoned = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        IDisposable? worker = null;
        try
        {
            worker = await sandbox.TakeWorkerAsync(abandoned.Token);
            if (decision.Delay > TimeSpan.Zero)
            {
                await Task.Delay(decision.Delay, abandoned.Token);
            }

            switch (decision.Fault)
            {
                case MarketplaceFault.RateLimited:
                    return RateLimited(http, decision.RetryAfter, requestId, "sandbox: injected rate limit");
                case MarketplaceFault.ServerError:
                    return Error(StatusCodes.Status503ServiceUnavailable, SandboxErrorCodes.Unavailable,
                        "sandbox: injected server error, nothing was applied", requestId);
                case MarketplaceFault.Timeout:
                    await Task.Delay(decision.Hold, abandoned.Token);
                    break;
            }
        }
        catch (OperationCanceledException)
        {
            // The client gave up (or the sandbox stops) before the request was handled: nothing is applied.
            worker?.Dispose();
            return Results.Empty;
        }

        IResult result;
        using (worker)
        {
            result = await handle(requestId);
        }

        if (decision.Fault == MarketplaceFault.ResponseLost)
        {
            // Applied, and now the connection drops: the client cannot tell whether anything happened.
            http.Abort();
            return Results.Empty;
        }

        return result;
    }

    public static IResult Error(int status, string code, string message, string requestId) =>
        Results.Json(new SandboxErrorResponse(code, message, requestId), statusCode: status);

    private static IResult RateLimited(HttpContext http, TimeSpan wait, string requestId, string message)
    {
        // Retry-After is whole seconds; rounding up never invites a retry that is refused again.
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Error(StatusCodes.Status429TooManyRequests, SandboxErrorCodes.RateLimited, message, requestId);
    }
}
