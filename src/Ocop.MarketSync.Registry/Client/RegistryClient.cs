using System.Net.Sockets;
using System.Text.Json;
using Ocop.MarketSync.Registry.Records;
using Polly.Timeout;

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
        catch (TimeoutRejectedException ex)
        {
            throw new RegistryPageException(RegistryFailure.Timeout, $"Registry page {at} timed out: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryPageException(RegistryFailure.Timeout, $"Registry page {at} timed out.", ex);
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException || ex.HttpRequestError != HttpRequestError.Unknown)
        {
            throw new RegistryPageException(RegistryFailure.Unreachable, $"Registry unreachable reading the page {at}: {ex.Message}", ex);
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

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
