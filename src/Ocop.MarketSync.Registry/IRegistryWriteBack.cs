namespace Ocop.MarketSync.Registry;

/// <summary>Tells the registry where its products are listed: the write-back endpoint of docs/registry-api.yaml.</summary>
public interface IRegistryWriteBack
{
    /// <summary>Sends one batch. Every item is idempotent by its key: sending a batch twice changes nothing.</summary>
    /// <returns>The keys the registry confirmed (applied now, or already before).</returns>
    /// <exception cref="RegistryWriteBackException">The batch was not confirmed (HTTP error, timeout, unreadable answer).</exception>
    Task<IReadOnlySet<string>> SendAsync(IReadOnlyList<WriteBackItem> items, CancellationToken cancellationToken);
}

/// <param name="State">"active", "delisted", "price-held" (a registry price waits for staff; the old one still shows) or "price-kept" (staff kept the old price).</param>
/// <param name="Reason">The English details, as before; <paramref name="Reasons"/> has the codes with both texts.</param>
public sealed record WriteBackItem(
    string Key, string RegistryId, string Channel, string Marketplace, string? Url, string State, string? Reason, DateTimeOffset At,
    IReadOnlyList<WriteBackReason>? Reasons = null);

/// <summary>Why, for the producer: the stable code and its message in Vietnamese and in English (never a bare enum name).</summary>
public sealed record WriteBackReason(string Code, string Vi, string En);

public sealed record WriteBackRequest(IReadOnlyList<WriteBackItem> Items);

public sealed class RegistryWriteBackException(string message, Exception? inner = null) : Exception(message, inner);
