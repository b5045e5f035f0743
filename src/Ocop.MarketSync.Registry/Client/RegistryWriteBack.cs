using System.Text.Json;
using Ocop.MarketSync.Registry.Client;

namespace Ocop.MarketSync.Registry;

/// <summary>The write-back call on the registry's Refit client; every failure becomes a <see cref="RegistryWriteBackException"/>.</summary>
internal sealed class RegistryWriteBack(IRegistryApi api) : IRegistryWriteBack
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlySet<string>> SendAsync(IReadOnlyList<WriteBackItem> items, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await api.WriteBackAsync(new WriteBackRequest(items), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new RegistryWriteBackException($"Write-back of {items.Count} change(s) failed: {ex.Message}", ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new RegistryWriteBackException(
                    $"The registry answered HTTP {(int)response.StatusCode} to a write-back of {items.Count} change(s): {(body.Length > 300 ? body[..300] : body)}");
            }

            try
            {
                var answer = JsonSerializer.Deserialize<Answer>(body, Json);
                return (answer?.Results ?? [])
                    .Where(r => r.Status is "applied" or "duplicate")
                    .Select(r => r.Key)
                    .ToHashSet(StringComparer.Ordinal);
            }
            catch (JsonException ex)
            {
                throw new RegistryWriteBackException($"The registry's write-back answer is not the expected JSON: {ex.Message}", ex);
            }
        }
    }

    private sealed record Answer(IReadOnlyList<Result>? Results);

    private sealed record Result(string Key, string Status);
}
