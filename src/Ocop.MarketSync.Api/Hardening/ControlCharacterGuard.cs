using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Ocop.MarketSync.Api.Hardening;

/// <summary>
/// No query parameter or path segment of ours ever needs a control character, and a NUL byte reaching PostgreSQL
/// fails the whole statement ("invalid byte sequence 0x00"). Refusing them here, with the parameter's name, is one
/// rule instead of one check per endpoint.
/// </summary>
internal static class ControlCharacterGuard
{
    public static IApplicationBuilder UseControlCharacterGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (FindOffender(context.Request) is { } offender)
            {
                var problems = context.RequestServices.GetService(typeof(IProblemDetailsService)) as IProblemDetailsService;
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                var problem = new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = offender.Title,
                    Detail = $"{offender.Name} contains a control character (U+{(int)offender.Character:X4}); remove it and try again.",
                };
                if (problems is null || !await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
                {
                    await context.Response.WriteAsync(problem.Detail, context.RequestAborted);
                }

                return;
            }

            await next(context);
        });

    internal readonly record struct Offender(string Title, string Name, char Character);

    internal static Offender? FindOffender(HttpRequest request)
    {
        if (FirstControl(request.Path.Value) is { } inPath)
        {
            return new Offender("Invalid path", "The path", inPath);
        }

        foreach (var (key, values) in request.Query)
        {
            if (FirstControl(key) is { } inKey)
            {
                return new Offender("Invalid query parameter", "A query parameter name", inKey);
            }

            foreach (var value in values)
            {
                if (FirstControl(value) is { } inValue)
                {
                    return new Offender($"Invalid query parameter '{Printable(key)}'", $"Query parameter '{Printable(key)}'", inValue);
                }
            }
        }

        return null;
    }

    private static char? FirstControl(string? text)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return c;
            }
        }

        return null;
    }

    private static string Printable(string key) => key.Length > 64 ? key[..64] + "…" : key;
}
