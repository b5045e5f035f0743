namespace Ocop.MarketSync.Sync.Operations;

/// <summary>
/// Where producer-facing notices go (certificate warnings). Every registered notifier receives every notice; a
/// notice counts as delivered when all of them accepted it, and is tried again later otherwise.
/// </summary>
public interface INotifier
{
    string Name { get; }

    /// <exception cref="NotificationException">Not delivered; it will be tried again.</exception>
    Task NotifyAsync(Notice notice, CancellationToken cancellationToken);
}

/// <param name="Type">e.g. <c>certificate.expiring</c>.</param>
/// <param name="Key">Stable per notice, so a receiver can drop a repeat delivery.</param>
/// <param name="Message">For people, in Vietnamese: producers read it.</param>
public sealed record Notice(string Type, string Key, string RegistryId, string? ProductName, string? Producer, string Message, IReadOnlyDictionary<string, object?> Data);

public sealed class NotificationException(string message, Exception? inner = null) : Exception(message, inner);
