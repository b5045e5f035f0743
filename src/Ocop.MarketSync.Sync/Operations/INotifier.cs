namespace Ocop.MarketSync.Sync.Operations;

/// <summary>
/// Where notices go: producer-facing ones (certificate warnings) and operational alerts for staff and ops
/// (<see cref="OperationalAlerts"/>). Every registered notifier receives every notice; a
/// notice counts as delivered when all of them accepted it, and is tried again later otherwise.
/// </summary>
public interface INotifier
{
    string Name { get; }

    /// <exception cref="NotificationException">Not delivered; it will be tried again.</exception>
    Task NotifyAsync(Notice notice, CancellationToken cancellationToken);
}

/// <param name="Type">e.g. <c>certificate.expiring</c>; operational alerts: <c>channel.stopped</c>, and <c>channel.stopped.resolved</c> when it clears.</param>
/// <param name="Key">Stable per notice, so a receiver can drop a repeat delivery.</param>
/// <param name="RegistryId">The product concerned; null for an operational alert (the subject is in <paramref name="Data"/>).</param>
/// <param name="Message">For people, in Vietnamese: producers and staff read it.</param>
public sealed record Notice(string Type, string Key, string? RegistryId, string? ProductName, string? Producer, string Message, IReadOnlyDictionary<string, object?> Data);

public sealed class NotificationException(string message, Exception? inner = null) : Exception(message, inner);
