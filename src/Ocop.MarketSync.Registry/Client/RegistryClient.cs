using System.Net.Sockets;
using System.Text.Json;
using Ocop.MarketSync.Registry.Records;
using Polly.Timeout;
using Refit;

namespace Ocop.MarketSync.Registry.Client;

/// <summary>Reads pages through the Refit client and turns every failure into a <see cref="RegistryPageException"/>.</summary>
internal sealed class RegistryClient(IRegistryApi api) : IRegistryClient
{
    public async Task<RegistryPage> GetChangesAsync(string? cursor, int limit, CancellationToken cancellationToken)
    {
        var at = cursor is null ? "from the start" : $"at cursor '{cursor}'";
        HttpResponseMessage response;
        try
        {
            response = await api.GetChangesAsync(cursor, limit, cancellationToken);
        }
        catch (Exception ex) when (Classify(ex, cancellationToken) is { } failure)
        {
            throw new RegistryPageException(failure, $"Registry page {at}: {Describe(failure)} ({ex.Message})", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new RegistryPageException(
                    RegistryFailure.HttpError,
                    $"Registry answered HTTP {(int)response.StatusCode} for the page {at}: {Shorten(body)}");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await ReadPageAsync(stream, at, cancellationToken);
        }
    }

    internal static async Task<RegistryPage> ReadPageAsync(Stream stream, string at, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new RegistryPageException(RegistryFailure.Malformed, $"Registry page {at} is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new RegistryPageException(RegistryFailure.Malformed, $"Registry page {at} has no 'items' array.");
            }

            string? next = null;
            if (root.TryGetProperty("nextCursor", out var nextElement) && nextElement.ValueKind != JsonValueKind.Null)
            {
                next = nextElement.ValueKind == JsonValueKind.String
                    ? nextElement.GetString()
                    : throw new RegistryPageException(RegistryFailure.Malformed, $"Registry page {at}: 'nextCursor' is not a string.");
            }

            var hasMore = false;
            if (root.TryGetProperty("hasMore", out var more))
            {
                hasMore = more.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw new RegistryPageException(RegistryFailure.Malformed, $"Registry page {at}: 'hasMore' is not a boolean."),
                };
            }

            var records = new List<RegistryRecord>(items.GetArrayLength());
            foreach (var item in items.EnumerateArray())
            {
                records.Add(RegistryRecordReader.Read(item));
            }

            return new RegistryPage(records, next, hasMore);
        }
    }

    /// <summary>
    /// What went wrong on the way to an answer. Refit wraps transport failures in <see cref="ApiRequestException"/>,
    /// so the cause is looked for in the inner exceptions. Our own cancellation (shutdown) is not a failure.
    /// </summary>
    private static RegistryFailure? Classify(Exception error, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TimeoutRejectedException:
                case TaskCanceledException:
                    return RegistryFailure.Timeout;
                case Polly.CircuitBreaker.BrokenCircuitException:
                case HttpRequestException:
                case SocketException:
                case IOException:
                    return RegistryFailure.Unreachable;
            }
        }

        return error is ApiRequestException ? RegistryFailure.Unreachable : null;
    }

    private static string Describe(RegistryFailure failure) => failure switch
    {
        RegistryFailure.Timeout => "timed out",
        RegistryFailure.Unreachable => "registry unreachable",
        RegistryFailure.HttpError or RegistryFailure.Malformed => failure.ToString(),
        _ => failure.ToString(),
    };

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
