using System.Data.Common;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Ocop.MarketSync.Api.Hardening;

/// <summary>
/// Turns the failures a caller can act on into honest answers instead of a bare 500: a query that cannot be served
/// is a 400 naming the parameter, and a database that cannot be reached is a 503 with Retry-After, so the registry
/// (and any tool) retries a notification instead of dropping it.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a caller should wait; PostgreSQL restarts and fail-overs take tens of seconds.</summary>
    public const int RetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is InvalidQueryParameterException invalid)
        {
            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = $"Invalid query parameter '{invalid.Parameter}'",
                Detail = invalid.Message,
            };
        }
        else if (IsDatabaseUnavailable(exception))
        {
            LogDatabaseUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, Describe(exception));
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = $"The database cannot be reached at the moment; nothing was changed. Retry in {RetryAfterSeconds} seconds.",
            };
        }
        else
        {
            return false;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// A transient database error anywhere in the chain (connection refused or reset, server shutting down, too many
    /// connections, timeouts): the request may succeed later unchanged. Errors of the query itself are not transient
    /// and stay 500s, because they are our bugs.
    /// </summary>
    internal static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true } or SocketException or TimeoutException)
            {
                return true;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(IsDatabaseUnavailable))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return $"{innermost.GetType().Name}: {innermost.Message}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable: {Method} {Path} answered 503 ({Reason})")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string method, string path, string reason);
}
